package dev.kiln.client;

import java.net.URI;

/** How a followed redirect changes a call, as browsers do it. */
final class Redirects {
  private Redirects() {}

  static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Whether the next hop is a GET without the body: after a 303, and after a 301 or 302 to a POST. */
  static boolean becomesGet(int status, String method) {
    return status == 303 && !method.equals("HEAD") || (status == 301 || status == 302) && method.equals("POST");
  }

  /** Whether the two share scheme, host and port, so credentials may follow. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
