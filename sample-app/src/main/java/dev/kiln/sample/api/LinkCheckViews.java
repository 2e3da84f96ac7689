package dev.kiln.sample.api;

import dev.kiln.HttpError;
import dev.kiln.NonBlocking;
import dev.kiln.Query;
import dev.kiln.Route;
import dev.kiln.Routes;
import dev.kiln.Skip;
import dev.kiln.client.Client;
import dev.kiln.client.ClientException;
import dev.kiln.client.ClientResponse;
import dev.kiln.client.ResponseTooLargeException;
import dev.kiln.session.Sessions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The talk's {@code fetch_page}, as a link check: fetches a page the caller names through the
 * outbound client and says what is there. The URL comes from a user, so the client it is given
 * reaches public addresses only (see {@code linkCheckAllowedAddresses}), follows at most five
 * redirects, checking each, and reads at most {@code linkCheckMaxBytes}.
 */
@Skip(Sessions.class)
@Routes(prefix = "/api", name = "api")
public final class LinkCheckViews {
  private final Client client;
  private final long maxBytes;

  /**
   * What the link check found. A broken link is an answer, not an error of this API.
   *
   * @param status the page's status, or 0 when no whole answer came
   * @param bytes the page's size, or -1 when it was too large to read
   * @param title the page's {@code <title>}, or empty
   * @param problem why the link is broken or was not read whole, or empty
   */
  public record LinkCheck(String url, boolean reachable, int status, String contentType, long bytes, String title,
      String problem) {}

  public LinkCheckViews(Client client, long maxBytes) {
    this.client = client;
    this.maxBytes = maxBytes;
  }

  /** Checks an http or https URL: its status, type, size and title; 400 for any other URL. */
  @NonBlocking
  @Route(path = "/link-check", name = "checkLink")
  public CompletionStage<LinkCheck> checkLink(@Query String url) {
    URI target = webUrl(url);
    return client.request("GET", target)
        .followRedirects(true)
        .maxBodySize(maxBytes)
        .header("Accept", "text/html, */*;q=0.8")
        .send()
        .handle((response, failure) -> failure == null ? found(url, response) : broken(url, failure));
  }

  private static URI webUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // answered below, as for any other URL that is not a web page's
    }
    throw HttpError.badRequest("url must be an absolute http or https URL");
  }

  private static LinkCheck found(String url, ClientResponse response) {
    String type = response.contentType() == null ? "" : response.contentType();
    String title = type.startsWith("text/html") ? title(new String(response.bytes(), StandardCharsets.UTF_8)) : "";
    return new LinkCheck(url, response.isSuccess(), response.status(), type, response.bytes().length, title,
        response.isSuccess() ? "" : "answered " + response.status());
  }

  private static LinkCheck broken(String url, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof ResponseTooLargeException tooLarge) {
      return new LinkCheck(url, true, 0, "", -1, "", "larger than " + tooLarge.limit() + " bytes, so not read");
    }
    String problem = cause instanceof ClientException ? cause.getMessage() : cause.toString();
    return new LinkCheck(url, false, 0, "", 0, "", problem);
  }

  /** The text of the first {@code <title>}, whitespace collapsed; empty without one. */
  static String title(String html) {
    int open = find(html, "<title", 0);
    int start = open < 0 ? -1 : html.indexOf('>', open);
    int end = start < 0 ? -1 : find(html, "</title", start);
    return end < 0 ? "" : html.substring(start + 1, end).strip().replaceAll("\\s+", " ");
  }

  /** Where {@code tag} first appears from {@code from}, in any case; -1 if nowhere. */
  private static int find(String html, String tag, int from) {
    for (int i = from; i <= html.length() - tag.length(); i++) {
      if (html.regionMatches(true, i, tag, 0, tag.length())) {
        return i;
      }
    }
    return -1;
  }
}
