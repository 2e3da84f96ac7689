package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Route conditions over a real socket: the route whose conditions a request meets answers, and one
 * that matches a path and method but no route's conditions gets 415, 406 or 404 without reaching a
 * handler, on a connection that stays usable.
 */
class RouteConditionsSocketTest {
  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(() -> new ServerTestApp().router(), server -> server.accessLog(false));

  @Test
  void theBodyTypeChoosesTheRouteAndAnyOtherIs415(TestClient client) {
    assertThat(client.send("POST", "/c/notes", "application/json", "{\"title\":\"a\"}".getBytes(StandardCharsets.UTF_8))
        .text()).isEqualTo("json:a");
    assertThat(client.send("POST", "/c/notes", "application/x-www-form-urlencoded",
        "title=b".getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("form:b");
    int calls = ConditionViews.CALLS.get();
    TestResponse csv = client.send("POST", "/c/notes", "text/csv", "a,b".getBytes(StandardCharsets.UTF_8));
    assertThat(csv.status()).isEqualTo(415);
    assertThat(csv.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(csv.text()).contains("Content-Type text/csv is not accepted by POST /c/notes; send application/json "
        + "or application/x-www-form-urlencoded");
    assertThat(ConditionViews.CALLS.get()).isEqualTo(calls);
  }

  @Test
  void acceptChoosesTheRouteAndAnUnmetOneIs406(TestClient client) {
    TestResponse html = client.get("/c/report", "Accept", "text/html");
    assertThat(html.text()).isEqualTo("<p>report</p>");
    assertThat(html.header("Vary")).isEqualTo("Accept");
    assertThat(client.get("/c/report", "Accept", "application/json").text()).isEqualTo("[\"report\"]");
    int calls = ConditionViews.CALLS.get();
    TestResponse png = client.get("/c/report", "Accept", "image/png");
    assertThat(png.status()).isEqualTo(406);
    assertThat(png.text()).contains("Accept names none of the types GET /c/report produces: text/html or "
        + "application/json");
    assertThat(ConditionViews.CALLS.get()).isEqualTo(calls);
  }

  @Test
  void anUnmetHostIs404AndTheConnectionGoesOn(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawConnection.RawResponse admin = connection.send("GET /c/admin HTTP/1.1\r\nHost: admin.example.com:8080\r\n\r\n")
          .read();
      assertThat(admin.status()).isEqualTo(200);
      assertThat(admin.body()).isEqualTo("admin");
      RawConnection.RawResponse elsewhere = connection.send("GET /c/admin HTTP/1.1\r\nHost: example.com\r\n\r\n").read();
      assertThat(elsewhere.status()).isEqualTo(404);
      RawConnection.RawResponse index = connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(index.status()).isEqualTo(200);
      assertThat(index.body()).isEqualTo("hello");
      // A body the server does not read ends the connection after the answer, as any unread body does.
      RawConnection.RawResponse unsupported = connection.send("POST /c/notes HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: text/csv\r\nContent-Length: 3\r\n\r\na,b").read();
      assertThat(unsupported.status()).isEqualTo(415);
      assertThat(unsupported.header("Connection")).isEqualTo("close");
    }
  }
}
