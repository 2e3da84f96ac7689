package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequestTest {
  @Test
  void parsesTargetQueryHeadersAndCookies() {
    Request request = Request.builder(HttpMethod.GET, "/search?query=a+b&tag=x&tag=y;z&empty=")
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
  }

  @Test
  void rejectsTargetsThatAreNotOriginForm() {
    assertThatThrownBy(() -> Request.of(HttpMethod.GET, "projects")).isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> Request.of(HttpMethod.GET, "/a#frag")).isInstanceOf(HttpError.class);
    assertThatThrownBy(() -> Request.of(HttpMethod.GET, "/a%2")).isInstanceOf(HttpError.class);
  }
}
