package dev.kiln.sample.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kiln.JsonCodec;
import dev.kiln.TypedKey;
import dev.kiln.jdbi.Database;
import dev.kiln.redis.Message;
import dev.kiln.redis.Redis;
import dev.kiln.redis.Subscription;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.storage.Project;
import dev.kiln.websocket.Topics;
import dev.kiln.websocket.WebSocket;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Project changes on the Redis channel {@code projects} (the talk's aioredis PUB/SUB): each is
 * published once its transaction commits, and every instance of the app hears it. The last
 * {@value #KEPT} heard are kept for {@code GET /api/events}. After an outage a
 * {@code resubscribed} entry marks where events may be missing. Each event heard also goes, as a
 * page-ready message, to this instance's WebSockets on {@code /ws/projects}: the projects page of
 * every open browser follows changes made on any instance.
 */
public final class ProjectEvents implements AutoCloseable {
  /** Where the startup hook keeps it: {@code app.get(ProjectEvents.KEY)}. */
  public static final TypedKey<ProjectEvents> KEY = TypedKey.of("projectEvents", ProjectEvents.class);
  public static final String CHANNEL = "projects";
  private static final int KEPT = 50;
  private static final Logger LOG = LoggerFactory.getLogger(ProjectEvents.class);

  /**
   * One change, or a gap in what was heard.
   *
   * @param kind {@code created}, {@code edited}, {@code deleted}, or {@code resubscribed} after an outage
   * @param project the project as it was after the change (before it, for a deletion); none for a gap
   * @param at when it was published, or when the gap was noticed
   */
  public record Event(String kind, Project project, Instant at) {}

  private final Redis redis;
  private final Database database;
  private final JsonCodec json = JsonCodec.standard();
  private final Deque<Event> heard = new ArrayDeque<>();
  /** This instance's sockets on the live projects page; Redis has already carried the event to every instance. */
  private final Topics live = Topics.inProcess();
  private Subscription subscription;

  private ProjectEvents(Redis redis, Database database) {
    this.redis = redis;
    this.database = database;
  }

  /** Subscribes to the channel; waits until Redis confirms, so nothing published after this returns is missed. */
  public static ProjectEvents start(Redis redis, Database database) {
    ProjectEvents events = new ProjectEvents(redis, database);
    events.subscription = redis.pubSub().subscribe(CHANNEL, events.new Listener());
    events.subscription.ready().toCompletableFuture().join();
    return events;
  }

  public void created(Project project) {
    publishAfterCommit("created", project);
  }

  public void edited(Project project) {
    publishAfterCommit("edited", project);
  }

  public void deleted(Project project) {
    publishAfterCommit("deleted", project);
  }

  /**
   * What a live page's socket is sent for an event: the event and the project page's URL, or just
   * the kind after a gap (the page then reloads its list).
   *
   * @param url the project's page, {@code null} for a gap
   */
  public record Update(String kind, Project project, String url) {}

  /** Sends {@code socket} every change heard from now on, until it closes. */
  public void follow(WebSocket socket) {
    live.subscribe(CHANNEL, socket);
  }

  /** What this instance heard, newest last. */
  public synchronized List<Event> recent() {
    return List.copyOf(heard);
  }

  /** Published only if the change stuck; a Redis that is away loses the event, never the change. */
  private void publishAfterCommit(String kind, Project project) {
    byte[] body = json.write(new Event(kind, project, Instant.now()));
    String message = new String(body, java.nio.charset.StandardCharsets.UTF_8);
    database.afterCommit(() -> redis.publish(CHANNEL, message).whenComplete((listeners, failure) -> {
      if (failure != null) {
        LOG.warn("Project event not published, Redis failed: {}", failure.toString());
      }
    }));
  }

  private synchronized void keep(Event event) {
    if (heard.size() == KEPT) {
      heard.removeFirst();
    }
    heard.addLast(event);
  }

  @Override
  public void close() {
    subscription.close();
  }

  private final class Listener implements Subscription.Listener {
    @Override
    public void onMessage(Message message) {
      try {
        Event event = json.mapper().readValue(message.body(), Event.class);
        LOG.info("Heard project {} {} ({})", event.kind(), event.project().slug(), event.project().id());
        keep(event);
        String url = SampleAppUrls.project(event.project().id()).toString();
        live.publish(CHANNEL, new String(json.write(new Update(event.kind(), event.project(), url)),
            java.nio.charset.StandardCharsets.UTF_8));
      } catch (JsonProcessingException e) {
        LOG.warn("Ignored a message on {} that is no project event: {}", CHANNEL, e.getOriginalMessage());
      }
    }

    @Override
    public void onGap(Subscription.Gap gap) {
      String kind = gap == Subscription.Gap.RESUBSCRIBED ? "resubscribed" : "overflowed";
      keep(new Event(kind, null, Instant.now()));
      live.publish(CHANNEL, new String(json.write(new Update(kind, null, null)), java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
