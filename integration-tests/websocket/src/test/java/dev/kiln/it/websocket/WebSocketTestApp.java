package dev.kiln.it.websocket;

import dev.kiln.Application;
import dev.kiln.HttpError;
import dev.kiln.Middleware;
import dev.kiln.NonBlocking;
import dev.kiln.Provides;
import dev.kiln.Query;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Router;
import dev.kiln.Use;
import dev.kiln.websocket.CloseStatus;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocket;
import dev.kiln.websocket.WebSocketHandler;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** WebSocket routes: echoes on the event loop and blocking, a room on topics, a guarded socket, a flood. */
@Application
public final class WebSocketTestApp {
  /** Every close a handler saw, in order. */
  final BlockingQueue<CloseStatus> closes = new LinkedBlockingQueue<>();
  /** The threads the blocking echo's callbacks ran on. */
  final List<String> blockingThreads = new CopyOnWriteArrayList<>();
  final BlockingQueue<String> floodResults = new LinkedBlockingQueue<>();
  final Topics topics;

  WebSocketTestApp(Topics topics) {
    this.topics = topics;
  }

  Router router() {
    return WebSocketTestAppRoutes.builder().webSocketTestApp(this).build();
  }

  /** Records every close, and echoes. */
  private class Echo implements WebSocketHandler {
    @Override
    public void onText(WebSocket socket, String text) {
      socket.sendText(text);
    }

    @Override
    public void onBinary(WebSocket socket, byte[] data) {
      socket.sendBinary(data);
    }

    @Override
    public void onClose(WebSocket socket, CloseStatus status) {
      closes.add(status);
    }
  }

  @NonBlocking
  @Route(path = "/ws/echo", name = "echo")
  public WebSocketHandler echo() {
    return new Echo();
  }

  @Route(path = "/ws/blocking-echo", name = "blockingEcho")
  public WebSocketHandler blockingEcho() {
    return new Echo() {
      @Override
      public void onText(WebSocket socket, String text) {
        blockingThreads.add(Thread.currentThread().getName());
        socket.sendText(text);
      }
    };
  }

  /** Sends nothing and reads nothing: only the runtime's pings cross it. */
  @NonBlocking
  @Route(path = "/ws/silent", name = "silent")
  public WebSocketHandler silent() {
    return new WebSocketHandler() {
      @Override
      public void onClose(WebSocket socket, CloseStatus status) {
        closes.add(status);
      }
    };
  }

  /** A room: what one member says, every member of the room hears, on every instance. */
  @NonBlocking
  @Route(path = "/ws/rooms/{room:[a-z]+}", name = "room")
  public WebSocketHandler room(String room, @Query String name) {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        topics.subscribe("room:" + room, socket);
        socket.sendText("joined " + room + " as " + name);
      }

      @Override
      public void onText(WebSocket socket, String text) {
        topics.publish("room:" + room, name + ": " + text);
      }
    };
  }

  /** Only with the right X-Token: a middleware refuses the handshake otherwise. */
  @Use(TokenCheck.class)
  @NonBlocking
  @Route(path = "/ws/guarded", name = "guarded")
  public WebSocketHandler guarded(Caller caller) {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        socket.sendText("hello " + caller.name());
      }
    };
  }

  /** Sends {@code size}-byte messages as fast as it may, until a send is refused, then reports. */
  @Route(path = "/ws/flood", name = "flood")
  public WebSocketHandler flood(@Query int size) {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        String message = "x".repeat(size);
        long accepted = 0;
        while (accepted < 100_000) {
          CompletionStage<Void> sent = socket.sendText(message);
          if (sent.toCompletableFuture().isCompletedExceptionally()) {
            break;
          }
          accepted++;
        }
        floodResults.add(accepted + " accepted, open " + socket.isOpen());
      }

      @Override
      public void onWritable(WebSocket socket) {
        socket.sendText("writable again");
      }

      @Override
      public void onClose(WebSocket socket, CloseStatus status) {
        closes.add(status);
      }
    };
  }

  /** Fails in its callback: the socket is closed with 1011. */
  @NonBlocking
  @Route(path = "/ws/broken", name = "broken")
  public WebSocketHandler broken() {
    return new WebSocketHandler() {
      @Override
      public void onText(WebSocket socket, String text) {
        throw new IllegalStateException("a handler bug");
      }

      @Override
      public void onClose(WebSocket socket, CloseStatus status) {
        closes.add(status);
      }
    };
  }

  /** Closes with the app's own code as soon as it opens. */
  @NonBlocking
  @Route(path = "/ws/goodbye", name = "goodbye")
  public WebSocketHandler goodbye() {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        socket.close(4000, "goodbye");
      }

      @Override
      public void onClose(WebSocket socket, CloseStatus status) {
        closes.add(status);
      }
    };
  }

  /** A plain route beside them. */
  @Route(path = "/hello")
  public String hello() {
    return "hello";
  }

  /** Who passed the token check. */
  public record Caller(String name) {}

  /** Refuses a request without {@code X-Token: secret}, as an auth middleware would. */
  @Middleware(order = 10, optIn = true)
  @Provides(Caller.class)
  public static final class TokenCheck implements Middleware.Handler {
    @Override
    public CompletionStage<Response> handle(Request request, Middleware.Next next) {
      if (!"secret".equals(request.header("X-Token"))) {
        return CompletableFuture.failedFuture(HttpError.unauthorized("X-Token required"));
      }
      request.provide(Caller.class, new Caller("token holder"));
      return next.handle(request);
    }
  }
}
