package dev.kiln.toolbar;

import dev.kiln.Application;
import dev.kiln.Install;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Router;
import dev.kiln.jdbi.Database;
import dev.kiln.middleware.RequestId;
import dev.kiln.redis.Redis;
import dev.kiln.session.CookieKeys;
import dev.kiln.session.EncryptedCookieStore;
import dev.kiln.session.Session;
import dev.kiln.session.SessionKey;
import dev.kiln.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A page, some JSON, a redirect, and a request that runs SQL, a Redis command and logs. */
@Application
@Install(value = RequestId.class, order = 10)
@Install(value = Sessions.class, order = 15)
@Install(value = DebugToolbar.class, order = 20)
@Install(value = ToolbarRecording.class, order = 1)
public final class ToolbarTestApp {
  private static final Logger LOG = LoggerFactory.getLogger(ToolbarTestApp.class);
  static final String PAGE = "<!DOCTYPE html><html><head><title>page</title></head><body><h1>Hello, toolbar</h1></body></html>";

  private final Database database;
  private final Redis redis;

  ToolbarTestApp(Database database, Redis redis) {
    this.database = database;
    this.redis = redis;
  }

  static Router router(DebugToolbar toolbar, Database database, Redis redis) {
    return ToolbarTestAppRoutes.builder().toolbarTestApp(new ToolbarTestApp(database, redis)).debugToolbar(toolbar)
        .toolbarRecording(toolbar.recording())
        .sessions(Sessions.builder(EncryptedCookieStore.of(CookieKeys.random())).secure(false).trace(true).build())
        .build();
  }

  @Route(path = "/page", name = "page")
  public Response page() {
    return Response.html(PAGE);
  }

  @Route(path = "/data", name = "data")
  public Response data() {
    return Response.bytes("{\"hello\":\"json\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "application/json");
  }

  @Route(path = "/elsewhere", name = "elsewhere")
  public Response elsewhere() {
    return Response.seeOther("/page");
  }

  /** Answers 422 for a name shorter than three characters. */
  @Route(path = "/greet", name = "greet")
  public String greet(@dev.kiln.Query @jakarta.validation.constraints.Size(min = 3) String name) {
    return "hello " + name;
  }

  static final SessionKey<Integer> VISITS = SessionKey.of("visits", Integer.class);

  @Route(path = "/visit", name = "visit")
  public String visit(Session session) {
    int visits = session.get(VISITS).orElse(0) + 1;
    session.put(VISITS, visits);
    return "visit " + visits;
  }

  /** Runs two identical queries (an N+1 in miniature), a Redis command and a publish, and logs. */
  @Route(path = "/work/{item}", name = "work")
  public Response work(String item) {
    int one = database.withHandle(h -> h.createQuery("select 1 where :item <> ''").bind("item", item).mapTo(Integer.class).one());
    database.withHandle(h -> h.createQuery("select 1 where :item <> ''").bind("item", item).mapTo(Integer.class).one());
    long count = redis.sync().incr("toolbar-test-count");
    redis.sync().publish("work-done", item);
    LOG.info("worked on {}: {} and {}", item, one, count);
    return Response.html("<html><body><p>worked</p></body></html>");
  }
}
