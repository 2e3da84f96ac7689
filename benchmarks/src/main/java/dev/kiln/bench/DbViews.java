package dev.kiln.bench;

import dev.kiln.HttpError;
import dev.kiln.Query;
import dev.kiln.Route;
import dev.kiln.jdbi.Database;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * TechEmpower's database tests on kiln-jdbi: single query ({@code /db}), multiple queries
 * ({@code /queries?queries=20}) and updates ({@code /updates?queries=20}), blocking handlers on the
 * blocking executor, rows mapped by the generated {@link WorldRow}. {@link RawNettyServer} runs the
 * same SQL with plain JDBC over the same pool.
 */
public final class DbViews {
  static final String SELECT = "select id, randomnumber from world where id = :id";
  static final String UPDATE = "update world set randomnumber = :randomNumber where id = :id";
  static final int ROWS = 10_000;

  private final Database database;

  /** @param database the database, or {@code null} when the benchmark runs without one (its routes answer 503) */
  public DbViews(Database database) {
    this.database = database;
  }

  @Route(path = "/db")
  public World db() {
    return database().withHandle(h -> find(h, randomId()));
  }

  @Route(path = "/queries")
  public List<World> queries(@Query Optional<String> queries) {
    int count = count(queries);
    return database().withHandle(h -> {
      List<World> worlds = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        worlds.add(find(h, randomId()));
      }
      return worlds;
    });
  }

  @Route(path = "/updates")
  public List<World> updates(@Query Optional<String> queries) {
    int count = count(queries);
    return database().withHandle(h -> {
      List<World> worlds = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        worlds.add(new World(find(h, randomId()).id(), randomId()));
      }
      worlds.sort(Comparator.comparingInt(World::id)); // one lock order, so concurrent batches cannot deadlock
      PreparedBatch batch = h.prepareBatch(UPDATE);
      for (World world : worlds) {
        WorldRow.bind(batch, world).add();
      }
      batch.execute();
      return worlds;
    });
  }

  private Database database() {
    if (database == null) {
      throw HttpError.serviceUnavailable("started without --database-url");
    }
    return database;
  }

  private static World find(Handle h, int id) {
    return h.createQuery(SELECT).bind("id", id).map(WorldRow.MAPPER).one();
  }

  static int randomId() {
    return ThreadLocalRandom.current().nextInt(ROWS) + 1;
  }

  /** TechEmpower's rule: missing or not a number is 1, and the count is kept within 1 to 500. */
  static int count(Optional<String> queries) {
    return count(queries.orElse(""));
  }

  static int count(String queries) {
    try {
      return Math.max(1, Math.min(500, Integer.parseInt(queries)));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
