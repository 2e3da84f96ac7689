package dev.kiln.session;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.internal.http.Origins;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery checks for a request that changes something on a cookie-session
 * route: it must not come from another site (by {@code Sec-Fetch-Site}, or by {@code Origin} from
 * browsers that send no fetch metadata), and it must carry the session's token in a form field or a
 * header. The token is the session's for its whole life, so two tabs and a retry all pass.
 */
final class CsrfCheck {
  private final String field;
  private final String header;
  private final Set<String> trustedOrigins;

CsrfCheck(String field, String header, Set<String> trustedOrigins) {
    this.field = field;
    this.header = header;
    this.trustedOrigins = Set.copyOf(trustedOrigins);
  }

  /** Whether requests of this method are checked: every one but the safe methods of RFC 9110. */
static boolean applies(HttpMethod method) {
    return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS
        && method != HttpMethod.TRACE;
  }

  /** Why the request is refused, or {@code null} when it passes. */
String refusal(Request request, SessionState session) {
    String site = request.header("Sec-Fetch-Site");
    if (site != null) {
      if (site.equalsIgnoreCase("cross-site")) {
        return "a cross-site request cannot change anything here (Sec-Fetch-Site: cross-site)";
      }
    } else {
      String origin = request.header("Origin");
      if (origin != null && !trustedOrigins.contains(origin) && !Origins.sameOrigin(origin, request.host())) {
        return "a request from another origin cannot change anything here (Origin: " + shorten(origin) + ")";
      }
    }
    String expected = session.existingCsrfToken();
    String given = request.header(header);
    if (given == null && isForm(request)) {
      try {
        given = request.form().first(field);
      } catch (HttpError malformed) {
        given = null;
      }
    }
    if (given == null) {
      return "the CSRF token is missing: send the session's token in a hidden " + field + " form field or the "
          + header + " header";
    }
    if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        given.getBytes(StandardCharsets.US_ASCII))) {
      return "the CSRF token does not match this session's: reload the page the form came from";
    }
    return null;
  }

  private static boolean isForm(Request request) {
    String type = request.mediaType();
    return "application/x-www-form-urlencoded".equals(type) || "multipart/form-data".equals(type);
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }
}
