package dev.kiln.jdbi.it;

import dev.kiln.Application;
import dev.kiln.Body;
import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Install;
import dev.kiln.NonBlocking;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Use;
import dev.kiln.jdbi.Database;
import dev.kiln.jdbi.RecordStatements;
import dev.kiln.jdbi.StatementLog;
import dev.kiln.jdbi.Transactional;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Routes over the test migration's {@code items} table, in and out of a transaction, beside one with no database. */
@Application
@Install(value = Transactional.class, order = 10, optIn = true)
@Install(value = RecordStatements.class, order = 5, optIn = true)
public final class JdbiTestApp {
  /** What a POST sends; every field may be missing, so the database is the one to refuse. */
  public record NewItem(String name, Long parent, Integer quantity) {}

  private final Database database;
  /** Attempts of the handlers that fail on purpose, for the retry tests. */
  final AtomicInteger attempts = new AtomicInteger();
  /** Names announced after their transaction committed. */
  final List<String> announced = new CopyOnWriteArrayList<>();

  public JdbiTestApp(Database database) {
    this.database = database;
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items")
  public Response add(@Body NewItem item) {
    return Response.json(201, insert(item));
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/then-fail")
  public long addThenFail(@Body NewItem item) {
    insert(item);
    throw new IllegalStateException("the handler failed after its insert");
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/then-404")
  public long addThenNotFound(@Body NewItem item) {
    insert(item);
    throw HttpError.notFound("thrown after the insert");
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/then-answer-404")
  public Response addThenAnswerNotFound(@Body NewItem item) {
    insert(item);
    return HttpError.notFound("answered after the insert").toResponse();
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/recorded")
  public List<String> addRecorded(Request request, @Body NewItem item) {
    insert(item);
    count();
    return request.attribute(StatementLog.KEY).statements().stream()
        .map(statement -> statement.sql() + " rows=" + statement.rows())
        .toList();
  }

  /**
   * What the debug toolbar's detailed log keeps: each query's rows counted before Jdbi reads them
   * (which must still read them all) and the bound values redacted.
   */
  @Use(RecordStatements.class)
  @Route(method = HttpMethod.POST, path = "/items/recorded-in-detail")
  public List<String> addRecordedInDetail(Request request, @Body NewItem item) {
    insert(item);
    List<String> names = database.withHandle(h -> h.createQuery("select name from items where quantity >= :least")
        .bind("least", 0).mapTo(String.class).list());
    List<String> lines = new java.util.ArrayList<>();
    lines.add("read " + names.size() + " names");
    for (StatementLog.Statement statement : request.attribute(StatementLog.KEY).statements()) {
      lines.add(statement.sql() + " rows=" + statement.rows() + " values=" + statement.values());
    }
    return lines;
  }

  /** Fails with PostgreSQL's own serialization failure until its third attempt, then inserts. */
  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/after-conflicts")
  public long addAfterConflicts(@Body NewItem item) {
    long id = insert(item);
    if (attempts.incrementAndGet() < 3) {
      raise("serialization_failure");
    }
    return id;
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/deadlocked")
  public String alwaysDeadlocked() {
    attempts.incrementAndGet();
    raise("deadlock_detected");
    return "never";
  }

  @Route(path = "/items/{name}")
  public NewItem find(String name) {
    return database.withHandle(h -> h.createQuery("select name, parent, quantity from items where name = :name")
        .bind("name", name)
        .map((row, context) -> new NewItem(row.getString(1), (Long) row.getObject(2), row.getInt(3)))
        .findOne())
        .orElseThrow(() -> HttpError.notFound("no item " + name));
  }

  @Route(path = "/count")
  public long count() {
    return database.withHandle(h -> h.createQuery("select count(*) from items").mapTo(Long.class).one());
  }

  @Route(path = "/cast/{text}")
  public int cast(String text) {
    return database.withHandle(h -> h.createQuery("select cast(:text as integer)").bind("text", text)
        .mapTo(Integer.class).one());
  }

  @Route(path = "/sleep/{seconds}")
  public String sleep(String seconds) {
    database.useHandle(h -> h.createQuery("select pg_sleep(cast(:s as double precision))").bind("s", seconds)
        .mapTo(String.class).one());
    return "slept";
  }

  @Use(Transactional.class)
  @Route(method = HttpMethod.POST, path = "/items/announced")
  public long addAnnounced(@Body NewItem item) {
    long id = insert(item);
    database.afterCommit(() -> announced.add(item.name()));
    if (item.quantity() != null && item.quantity() == 13) {
      throw HttpError.badRequest("unlucky: rolled back");
    }
    return id;
  }

  /** JDBC on the event loop: refused, and the refusal's message answered here for the test to read. */
  @NonBlocking
  @Route(path = "/on-the-loop")
  public String onTheLoop() {
    try {
      return "counted " + count();
    } catch (IllegalStateException refused) {
      return refused.getMessage();
    }
  }

  @NonBlocking
  @Route(path = "/hello")
  public String hello() {
    return "hello";
  }

  private long insert(NewItem item) {
    return database.withHandle(h -> h.createUpdate("insert into items (name, parent, quantity) "
            + "values (:name, :parent, coalesce(:quantity, 0))")
        .bind("name", item.name())
        .bind("parent", item.parent())
        .bind("quantity", item.quantity())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
  }

  private void raise(String condition) {
    database.useHandle(h -> h.execute("do $$ begin raise exception 'on purpose' using errcode = '" + condition
        + "'; end $$"));
  }
}
