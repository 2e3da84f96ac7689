package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.HttpMethod;
import dev.kiln.internal.routing.InMemory;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * WebSocket routes: a {@code @Route} returning a {@code WebSocketHandler} (or a class implementing
 * it) joins the table as a GET, with its conflicts, its URL builder and its bindings; a request that
 * is no handshake gets 426 from the generated code; any other method is a compile error on it.
 */
class WebSocketRouteTest {
  private static final JavaFileObject APP = Compilations.source("""
      package ws;
      @dev.kiln.Application
      public final class WsApp {}
      """);

  private static final JavaFileObject VIEWS = Compilations.source("""
      package ws;
      import dev.kiln.*;
      import dev.kiln.websocket.*;
      public final class Views {
        @Route(path = "/ws/rooms/{room:[a-z]+}", name = "room")
        public WebSocketHandler room(String room, @Query("name") String name) {
          return new WebSocketHandler() {};
        }

        @NonBlocking
        @Route(path = "/ws/chat", name = "chat")
        public Chat chat() {
          return new Chat();
        }

        public static final class Chat implements WebSocketHandler {}
      }
      """);

  private static final JavaFileObject FIXTURE = Compilations.source("""
      package ws;
      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        public dev.kiln.Router get() {
          if (!WsAppUrls.room("lobby", "ada").toString().equals("/ws/rooms/lobby?name=ada")) {
            throw new AssertionError(WsAppUrls.room("lobby", "ada").toString());
          }
          return WsAppRoutes.create();
        }
      }
      """);

  @Test
  void aWebSocketRouteIsInTheTableAndAPlainGetGets426() {
    GeneratedApp app = GeneratedApp.compile("ws.Fixture", APP, VIEWS, FIXTURE);
    dev.kiln.Response plain = app.get("/ws/rooms/lobby?name=ada");
    assertThat(plain.status()).isEqualTo(426);
    assertThat(plain.header("Upgrade")).isEqualTo("websocket");
    assertThat(app.get("/ws/chat").status()).as("a class implementing WebSocketHandler").isEqualTo(426);
    assertThat(app.get("/ws/rooms/Lobby?name=ada").status()).as("the path's constraint").isEqualTo(404);
    dev.kiln.Response handshake = app.call(InMemory.request(HttpMethod.GET, "/ws/chat")
        .header("Upgrade", "websocket").header("Connection", "Upgrade").header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").build());
    assertThat(handshake.status()).isEqualTo(101);
    assertThat(handshake.header("Sec-WebSocket-Accept")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
  }

  @Test
  void aWebSocketRouteWithAnotherMethodIsAnErrorOnTheMethod() {
    JavaFileObject views = Compilations.source("""
        package ws;
        import dev.kiln.*;
        import dev.kiln.websocket.*;
        public final class Views {
          @Route(path = "/ws",
              method = HttpMethod.POST)
          public WebSocketHandler socket() { return new WebSocketHandler() {}; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorContaining("@Route method socket returns a WebSocketHandler, so it answers the "
        + "WebSocket handshake, which is a GET; remove method = POST").inFile(views).onLineContaining("HttpMethod.POST");
  }

  @Test
  void aWebSocketRouteConflictsWithAGetOnTheSamePath() {
    JavaFileObject views = Compilations.source("""
        package ws;
        import dev.kiln.*;
        import dev.kiln.websocket.*;
        public final class Views {
          @Route(path = "/live")
          public WebSocketHandler socket() { return new WebSocketHandler() {}; }

          @Route(path = "/live")
          public String page() { return "page"; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, views);
    assertThat(compilation).hadErrorContaining("[Kiln/RouteConflict] GET /live");
  }
}
