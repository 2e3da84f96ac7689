package dev.kiln.testing;

import dev.kiln.Url;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An HTTP client for one test server, on the JDK's {@link HttpClient}: redirects are not followed
 * (tests look at them), cookies are kept across calls, bodies are read as bytes.
 */
public final class TestClient {
  private final URI base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  TestClient(URI base) {
    this.base = base;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(cookies)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  public TestResponse get(String path, String... headers) {
    return send(request(path, headers).GET());
  }

  public TestResponse get(Url url, String... headers) {
    return get(url.toString(), headers);
  }

  public TestResponse head(String path, String... headers) {
    return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  public TestResponse delete(String path, String... headers) {
    return send(request(path, headers).DELETE());
  }

  /** Any method with a text body. */
  public TestResponse send(String method, String path, String body, String... headers) {
    return send(request(path, headers).method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** POSTs {@code value} written as JSON. */
  public TestResponse postJson(String path, Object value, String... headers) {
    byte[] json = TestResponse.JSON.write(value);
    return send(request(path, headers).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json)));
  }

  /** POSTs {@code fields} as {@code application/x-www-form-urlencoded}, in the map's order. */
  public TestResponse postForm(String path, Map<String, String> fields, String... headers) {
    String form = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** POSTs a {@code multipart/form-data} body. */
  public TestResponse post(String path, MultipartBody body, String... headers) {
    return send(request(path, headers).header("Content-Type", body.contentType())
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())));
  }

  /** Any method with a body of the given media type. */
  public TestResponse send(String method, String path, String contentType, byte[] body, String... headers) {
    return send(request(path, headers).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** The cookies this client holds, for assertions. */
  public CookieManager cookies() {
    return cookies;
  }

  private HttpRequest.Builder request(String path, String... headers) {
    if (headers.length % 2 != 0) {
      throw new IllegalArgumentException("headers come as name, value pairs");
    }
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a path starts with '/': " + path);
    }
    // Concatenated, not resolved: "//host/x" is a path here, never another host.
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return builder;
  }

  private TestResponse send(HttpRequest.Builder request) {
    try {
      return new TestResponse(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
