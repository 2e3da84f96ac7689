package dev.kiln.it.sessions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One browser's view of a server: it keeps the session cookie as a browser would (set by
 * {@code Set-Cookie}, dropped by {@code Max-Age=0}) and sends it back, and lets a test set it to
 * anything, such as a tampered copy. Cookies are handled here rather than by the JDK's cookie
 * manager, which would keep a {@code Secure} cookie from a plain-HTTP test server.
 */
final class Browser {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  private final String cookieName;
  private final int port;
  private volatile String cookie;

  Browser(int port, String cookieName) {
    this.port = port;
    this.cookieName = cookieName;
  }

  /** The same cookie, sent to another server (another instance of the app). */
  Browser at(int otherPort) {
    Browser browser = new Browser(otherPort, cookieName);
    browser.cookie = cookie;
    return browser;
  }

  String cookie() {
    return cookie;
  }

  void cookie(String value) {
    cookie = value;
  }

  HttpResponse<String> get(String path, String... headers) {
    return join(send("GET", path, null, headers));
  }

  HttpResponse<String> post(String path, String form, String... headers) {
    return join(send("POST", path, form, headers));
  }

  /** Sends without waiting for the answer; the cookie is updated when it arrives. */
  CompletableFuture<HttpResponse<String>> send(String method, String path, String form, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
    if (form != null) {
      request.header("Content-Type", "application/x-www-form-urlencoded");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    if (cookie != null) {
      request.header("Cookie", cookieName + "=" + cookie);
    }
    return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
      keep(response.headers().allValues("Set-Cookie"));
      return response;
    });
  }

  private void keep(List<String> setCookies) {
    for (String header : setCookies) {
      if (header.startsWith(cookieName + "=")) {
        String value = header.substring(cookieName.length() + 1, header.indexOf(';') < 0 ? header.length() : header.indexOf(';'));
        cookie = header.contains("Max-Age=0") ? null : value;
      }
    }
  }

  static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw e;
    }
  }
}
