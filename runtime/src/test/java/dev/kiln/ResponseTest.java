package dev.kiln;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {
  record Project(long id, String name) {}

  @Test
  void factoriesSetStatusTypeAndBody() {
    assertThat(Response.text("hi").contentType()).isEqualTo("text/plain; charset=utf-8");
    assertThat(Response.html("<p>").contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(Response.json(new Project(1, "kiln")).bodyText()).isEqualTo("{\"id\":1,\"name\":\"kiln\"}");
    assertThat(Response.noContent().status()).isEqualTo(204);
    assertThat(Response.redirect(Url.of("/projects/1")).header("location")).isEqualTo("/projects/1");
    assertThat(Response.seeOther("/x").status()).isEqualTo(303);
    assertThatThrownBy(() -> Response.redirect(200, "/x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void isImmutable() {
    Response base = Response.text("hi");
    Response changed = base.withHeader("Set-Cookie", "a=1").withHeader("Set-Cookie", "b=2").withStatus(201);
    assertThat(base.headers()).isEmpty();
    assertThat(base.status()).isEqualTo(200);
    assertThat(changed.headers()).containsExactly(Map.entry("Set-Cookie", "a=1"), Map.entry("Set-Cookie", "b=2"));
    assertThat(changed.withHeader("content-type", "text/csv").contentType()).isEqualTo("text/csv");
  }

  @Test
  void httpErrorsBecomeResponses() {
    assertThat(HttpError.notFound("no project 7").toResponse().bodyText()).isEqualTo("no project 7");
    Response notAllowed = HttpError.methodNotAllowed(EnumSet.of(HttpMethod.GET, HttpMethod.POST)).toResponse();
    assertThat(notAllowed.status()).isEqualTo(405);
    assertThat(notAllowed.header("Allow")).isEqualTo("GET, POST");
    Response found = HttpError.found(Url.of("/login")).toResponse();
    assertThat(found.status()).isEqualTo(302);
    assertThat(found.header("Location")).isEqualTo("/login");
    assertThat(HttpError.badRequest("x").getStackTrace()).isEmpty();
    assertThat(List.of(HttpError.tooManyRequests("x").status(), HttpError.serviceUnavailable("x").status()))
        .containsExactly(429, 503);
  }

  @Test
  void headersAreCheckedWhenSetSoNoTextCanStartAHeaderOfItsOwn() {
    assertThatThrownBy(() -> Response.redirect("/next\r\nSet-Cookie: session=stolen"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value of header Location has a carriage return at index 5");
    assertThatThrownBy(() -> Response.text("x").withHeader("X-Name", "a\nb")).hasMessageContaining("a line feed");
    assertThatThrownBy(() -> Response.text("x").withHeader("X-Name", "a\u0000b")).hasMessageContaining("U+0000");
    assertThatThrownBy(() -> Response.text("x").withHeader("X-Name", "caf\u20ac")).hasMessageContaining("not a Latin-1");
    assertThatThrownBy(() -> Response.text("x").replaceHeader("X-Name", "\r")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.text("x").withHeader("Bad Name", "v")).hasMessageContaining("' ' at index 3");
    assertThatThrownBy(() -> Response.text("x").withHeader("X:Y", "v")).hasMessageContaining("':' at index 1");
    assertThatThrownBy(() -> Response.text("x").withHeader("", "v")).hasMessageContaining("empty header name");
    assertThatThrownBy(() -> Response.bytes(new byte[0], "text/plain\r\nX: y")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Response.text("x").withHeader("content-length", "9")).hasMessageContaining("set by the server");
    assertThatThrownBy(() -> Response.text("x").withHeader("Transfer-Encoding", "chunked")).hasMessageContaining("set by the server");
    // what a header may hold: tabs, spaces, visible ASCII and Latin-1 (obs-text)
    assertThat(Response.text("x").withHeader("X-Ok_1.~", "a\tb c~\u00e9").header("x-ok_1.~")).isEqualTo("a\tb c~\u00e9");
  }
}
