package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.internal.routing.InMemory;
import org.junit.jupiter.api.Test;

class RequestTest {
  @Test
  void parsesTargetQueryHeadersAndCookies() {
    Request request = InMemory.request(HttpMethod.GET, "/search?query=a+b&tag=x&tag=y;z&empty=")
        .header("Cookie", "a=1; b=2")
        .header("Cookie", "a=3")
        .header("X-Trace", "t")
        .build();
    assertThat(request.path()).isEqualTo("/search");
    assertThat(request.queryString()).isEqualTo("query=a+b&tag=x&tag=y;z&empty=");
    assertThat(request.queryParam("query")).isEqualTo("a b");
    assertThat(request.queryParams("tag")).containsExactly("x", "y;z");
    assertThat(request.queryParam("empty")).isEmpty();
    assertThat(request.queryParam("missing")).isNull();
    assertThat(request.cookie("a")).isEqualTo("1");
    assertThat(request.cookie("b")).isEqualTo("2");
    assertThat(request.header("x-trace")).isEqualTo("t");
    assertThat(request.query()).containsOnlyKeys("query", "tag", "empty");
    assertThat(request.cookies()).containsExactly(java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
    assertThat(request.headers()).containsEntry("COOKIE", java.util.List.of("a=1; b=2", "a=3"))
        .containsEntry("x-trace", java.util.List.of("t"));
  }

  @Test
  void readsTheBodyAsTextInItsCharsetAsBytesAndAsJson() {
    Request latin = InMemory.request(HttpMethod.POST, "/")
        .header("Content-Type", "text/plain; charset=ISO-8859-1")
        .body(new byte[] {'c', 'a', 'f', (byte) 0xE9})
        .build();
    assertThat(latin.text()).isEqualTo("café");
    assertThat(latin.bytes()).containsExactly('c', 'a', 'f', (byte) 0xE9);
    assertThat(latin.mediaType()).isEqualTo("text/plain");

    Request json = InMemory.request(HttpMethod.POST, "/").header("Content-Type", "Application/JSON")
        .body("{\"name\": \"Kiln\", \"tags\": [\"a\"]}").build();
    assertThat(json.mediaType()).isEqualTo("application/json");
    record Named(String name, java.util.List<String> tags) {}
    assertThat(json.json(Named.class)).isEqualTo(new Named("Kiln", java.util.List.of("a")));
    HttpError malformed = org.assertj.core.api.Assertions.catchThrowableOfType(HttpError.class,
        () -> InMemory.request(HttpMethod.POST, "/").body("{\"name\":").build().json(Named.class));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.toResponse().contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void readsFormsUrlencodedAndMultipart() throws Exception {
    Request urlencoded = InMemory.request(HttpMethod.POST, "/")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body("name=Kiln+stack&tag=a&tag=b%26c").build();
    assertThat(urlencoded.form().first("name")).isEqualTo("Kiln stack");
    assertThat(urlencoded.form().all("tag")).containsExactly("a", "b&c");
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(HttpError.class, urlencoded::multipart).status())
        .isEqualTo(415);

    String body = "--b\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        + "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"../x.txt\"\r\n"
        + "Content-Type: text/plain\r\n\r\nfile body\r\n--b--\r\n";
    Request multipart = InMemory.request(HttpMethod.POST, "/")
        .header("Content-Type", "multipart/form-data; boundary=b").body(body).build();
    assertThat(multipart.form().first("note")).isEqualTo("hello");
    Upload doc = multipart.multipart().file("doc");
    assertThat(doc.filename()).isEqualTo("x.txt");
    assertThat(doc.contentType()).isEqualTo("text/plain");
    assertThat(new String(doc.bytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("file body");

    Request json = InMemory.request(HttpMethod.POST, "/").header("Content-Type", "application/json").body("{}").build();
    assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(HttpError.class, json::form).status())
        .isEqualTo(415);
    assertThat(InMemory.of(HttpMethod.GET, "/").form().names()).isEmpty();
  }

  @Test
  void rejectsTargetsThatAreNotOriginForm() {
    assertThatThrownBy(() -> InMemory.of(HttpMethod.GET, "projects")).isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> InMemory.of(HttpMethod.GET, "/a#frag")).isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> InMemory.of(HttpMethod.GET, "/a%2")).isInstanceOf(HttpError.class);
  }
}
