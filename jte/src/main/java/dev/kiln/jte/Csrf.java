package dev.kiln.jte;

import dev.kiln.session.Session;
import dev.kiln.session.Sessions;
import gg.jte.Content;

/**
 * The CSRF token in a template. Every form that posts to a route under {@link Sessions} carries it:
 *
 * <pre>{@code
 * @param Session session
 * <form method="post" action="${SampleAppUrls.logout().toString()}">
 *   ${Csrf.field(session)}
 *   <button>Log out</button>
 * </form>
 * }</pre>
 */
public final class Csrf {
  private Csrf() {}

  /** {@code <input type="hidden" name="_csrf" value="…">} with the session's token. */
  public static Content field(Session session) {
    // The token is URL-safe base64: nothing in it needs escaping in an attribute.
    String input = "<input type=\"hidden\" name=\"" + Sessions.CSRF_FIELD + "\" value=\"" + session.csrfToken() + "\">";
    return output -> output.writeContent(input);
  }

  /** {@code <meta name="csrf-token" content="…">}, for scripts that send it in {@value Sessions#CSRF_HEADER}. */
  public static Content meta(Session session) {
    String meta = "<meta name=\"csrf-token\" content=\"" + session.csrfToken() + "\">";
    return output -> output.writeContent(meta);
  }
}
