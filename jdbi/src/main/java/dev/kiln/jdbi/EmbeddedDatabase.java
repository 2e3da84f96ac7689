package dev.kiln.jdbi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  /** The file zonky locks while it runs a server over a folder. */
  private static final String ZONKY_LOCK = "epg-lock";

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
      stopLeftOver(absolute);
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
    } catch (FolderInUse e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("could not start the embedded PostgreSQL over " + absolute + " on port " + chosen
          + ": " + e.getMessage() + " (is another instance using that folder? set --database-directory to another, "
          + "or --database-url to use your own PostgreSQL)", e);
    }
  }

  /**
   * Stops a PostgreSQL that a process killed without stopping it (kill -9, a crash) left running
   * over {@code directory}, so this start can take the folder over instead of waiting for a port
   * that never answers. A server another live process runs (it holds zonky's lock file) is left
   * alone: that is {@link FolderInUse}.
   */
  private static void stopLeftOver(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> server;
    try {
      long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
      server = ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(process -> process.info().command().orElse("").contains("postgres"));
    } catch (RuntimeException e) {
      return; // not a pid file PostgreSQL wrote: PostgreSQL itself deals with a stale one
    }
    if (server.isEmpty()) {
      return;
    }
    try (FileChannel channel = FileChannel.open(directory.resolve(ZONKY_LOCK), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = tryLock(channel)) {
      if (lock == null) {
        throw new FolderInUse("another process is running the embedded PostgreSQL over " + directory
            + ": stop it, set --database-directory to another folder, or --database-url to use your own PostgreSQL");
      }
      LOG.warn("An embedded PostgreSQL (pid {}) was left running over {} by a process that ended without stopping "
          + "it: stopping it", server.get().pid(), directory);
      ProcessHandle handle = server.get();
      handle.destroy(); // SIGTERM: a smart shutdown, and nothing is connected to it any more
      try {
        handle.onExit().get(15, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        handle.destroyForcibly();
        handle.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping a left-over PostgreSQL", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("a left-over PostgreSQL over " + directory + " did not stop", e);
    }
  }

  /** The lock, or {@code null} when another process or this one holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** The folder is another live instance's. */
  static final class FolderInUse extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    FolderInUse(String message) {
      super(message);
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
