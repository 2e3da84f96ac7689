package dev.kiln.sample.views;

import dev.kiln.JsonCodec;
import dev.kiln.NonBlocking;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.files.StaticFiles;
import dev.kiln.sample.SampleAppTemplates;
import dev.kiln.sample.auth.CurrentUser;
import dev.kiln.sample.events.ProjectEvents;
import dev.kiln.session.Session;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocket;
import dev.kiln.websocket.WebSocketHandler;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The talk's "And I say it again, WebSockets": the projects page follows every change live
 * ({@code /ws/projects}, fed by the project events every instance hears on Redis), and a chat room
 * ({@code /chat}) whose messages reach everyone in it on every instance, through {@code RedisTopics}.
 * The handshakes pass through the pages' middlewares, sessions included: a signed-in user chats
 * under their name.
 */
public final class LiveViews {
  /** Longest chat message taken; longer ones are cut. */
  static final int MAX_MESSAGE = 500;
  private static final String ROOM = "chat";
  private static final AtomicInteger GUESTS = new AtomicInteger();

  private final ProjectEvents events;
  private final Topics topics;
  private final StaticFiles assets;
  private final JsonCodec json = JsonCodec.standard();

  public LiveViews(ProjectEvents events, Topics topics, StaticFiles assets) {
    this.events = events;
    this.topics = topics;
    this.assets = assets;
  }

  /** Every project change, as it is heard: what the projects page's script listens to. */
  @NonBlocking
  @Route(path = "/ws/projects", name = "projectUpdates")
  public WebSocketHandler projectUpdates() {
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        events.follow(socket);
      }
    };
  }

  @Route(path = "/chat", name = "chat")
  public Response chat(Session session) {
    return SampleAppTemplates.chat(assets, session);
  }

  /** One chat member: what they say goes to the room on every instance, as {@code {"from", "text", "at"}}. */
  @NonBlocking
  @Route(path = "/ws/chat", name = "chatSocket")
  public WebSocketHandler chatSocket(Session session) {
    String name = session.get(CurrentUser.KEY).map(CurrentUser::name).orElseGet(() -> "guest " + GUESTS.incrementAndGet());
    return new WebSocketHandler() {
      @Override
      public void onOpen(WebSocket socket) {
        topics.subscribe(ROOM, socket);
        say("kiln", name + " joined");
      }

      @Override
      public void onText(WebSocket socket, String text) {
        String said = text.strip();
        if (!said.isEmpty()) {
          say(name, said.length() > MAX_MESSAGE ? said.substring(0, MAX_MESSAGE) : said);
        }
      }

      @Override
      public void onClose(WebSocket socket, dev.kiln.websocket.CloseStatus status) {
        say("kiln", name + " left");
      }
    };
  }

  private void say(String from, String text) {
    topics.publish(ROOM, new String(json.write(new Said(from, text, Instant.now())), StandardCharsets.UTF_8));
  }

  /** A chat message as the page gets it. */
  public record Said(String from, String text, Instant at) {}
}
