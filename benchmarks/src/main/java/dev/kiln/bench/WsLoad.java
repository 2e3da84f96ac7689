package dev.kiln.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The WebSocket load: {@code WsLoad <port> echo|broadcast <seconds>}. Echo: 64 connections, each
 * sending a 32-byte text message and the next one when its echo arrives. Broadcast: 1,000 sockets in
 * one room, one of which sends the next message once every socket has the last one.
 * Prints {@code messages <n>}, the messages the clients received in the measured seconds.
 */
public final class WsLoad {
  private static final String MESSAGE = "Introduction to Asyncio Stack!!!";
  private static final int RECEIVERS = 1000;
  private static final AtomicReference<WebSocket> SENDER = new AtomicReference<>();

  private WsLoad() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String mode = args[1];
    long seconds = Long.parseLong(args[2]);
    HttpClient http = HttpClient.newHttpClient();
    AtomicLong received = new AtomicLong();
    List<WebSocket> sockets = new ArrayList<>();
    if (mode.equals("echo")) {
      for (int i = 0; i < 64; i++) {
        sockets.add(open(http, port, "/ws/echo", new Echo(received)));
      }
      for (WebSocket socket : sockets) {
        socket.sendText(MESSAGE, true);
      }
    } else {
      for (int i = 0; i < RECEIVERS; i++) {
        sockets.add(open(http, port, "/ws/broadcast", new Counting(received)));
      }
      SENDER.set(sockets.get(0));
      SENDER.get().sendText(MESSAGE, true);
    }
    long start = received.get();
    TimeUnit.SECONDS.sleep(seconds);
    long messages = received.get() - start;
    System.out.println("messages " + messages);
    System.exit(0);
  }

  private static WebSocket open(HttpClient http, int port, String path, WebSocket.Listener listener) {
    return http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + path), listener).join();
  }

  /** Sends the next message when the echo of the last arrives. */
  private record Echo(AtomicLong received) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      received.incrementAndGet();
      socket.request(1);
      return socket.sendText(MESSAGE, true);
    }
  }

  /**
   * Counts what it receives. Each broadcast reaches every one of the {@value #RECEIVERS} sockets, and
   * the next is sent once all have it: when the count reaches a multiple of {@value #RECEIVERS}.
   */
  private record Counting(AtomicLong received) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      long total = received.incrementAndGet();
      socket.request(1);
      if (total % RECEIVERS == 0) {
        SENDER.get().sendText(MESSAGE, true);
      }
      return null;
    }
  }
}
