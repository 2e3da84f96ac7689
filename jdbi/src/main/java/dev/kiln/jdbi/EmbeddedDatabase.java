package dev.kiln.jdbi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL started when no {@code databaseUrl} is set: zonky's binaries, on loopback, with
 * its data in a folder that outlives the process, so what a developer added is there after a
 * restart. Two processes cannot share the folder: the second fails to start, saying so.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String USER = "postgres";
  static final String NAME = "postgres";

  private final EmbeddedPostgres postgres;
  private final Path directory;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory) {
    this.postgres = postgres;
    this.directory = directory;
  }

  /** Starts one over {@code directory}, made and initialised on first use, on {@code port} or a free one when 0. */
  static EmbeddedDatabase start(Path directory, int port) {
    Path absolute = directory.toAbsolutePath().normalize();
    boolean fresh = !Files.exists(absolute.resolve("PG_VERSION"));
    int chosen = port != 0 ? port : freePort();
    try {
      Files.createDirectories(absolute);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(absolute)
          .setCleanDataDirectory(false)
          .setPort(chosen)
          .setServerConfig("listen_addresses", "127.0.0.1")
          .start();
      LOG.info("No databaseUrl set: {} an embedded PostgreSQL on 127.0.0.1:{} with its data in {} "
              + "(psql -h 127.0.0.1 -p {} -U {} {}; set --database-url to use your own)",
          fresh ? "initialised and started" : "started", chosen, absolute, chosen, USER, NAME);
      return new EmbeddedDatabase(postgres, absolute);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL over " + absolute + " on port " + chosen
          + ": " + e.getMessage() + " (is another instance using that folder? set --database-directory to another, "
          + "or --database-url to use your own PostgreSQL)", e);
    }
  }

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + NAME;
  }

  String shownUrl() {
    return "postgres://" + USER + "@127.0.0.1:" + postgres.getPort() + "/" + NAME + " (embedded, data in " + directory
        + ")";
  }

  int port() {
    return postgres.getPort();
  }

  Path directory() {
    return directory;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Stopping the embedded PostgreSQL failed", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
