package dev.kiln.reload;

import dev.kiln.server.Server;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development reload (gunicorn's {@code --reload}, without restarting the JVM): runs an application
 * from its build output, watches that output, and when a build changes it starts the application
 * again from a fresh class loader, so the old classes can be collected.
 * {@link dev.kiln.launch.Kiln#run} does all of this for {@code --reload}; use this class directly
 * only for an entry point of your own.
 *
 * <pre>{@code
 * // terminal 1                                           // terminal 2, after each edit (or the IDE's build)
 * mvn -pl sample-app exec:exec -Dkiln.args=--reload       mvn -pl sample-app compile
 * }</pre>
 *
 * <p>Changes are picked up once the output has been quiet for a short moment, so one build is one
 * restart. Each generation runs from its own copy of the output, so a build that deletes or
 * rewrites classes cannot pull them from under the running one. A new generation is loaded in full
 * and configured before the running one is stopped: when that fails (a build that failed or is
 * still writing), the previous generation keeps serving, the log says so once, and the next change
 * tries again. Reload is a development tool: it creates the entry point reflectively, which Kiln's
 * own startup never does.
 */
public final class Reloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
  /** How long the output must stay unchanged before a reload: a build writes many files. */
  private static final long QUIET_MILLIS = 300;

  private final Entry entry;
  private final List<Path> directories;
  private final String[] args;
  private final ClassLoader parent;
  private final WatchService watcher;
  private final Thread thread;
  private volatile Generation running;
  private volatile int generation;
  /** Whether the last reload failed, so that a run of failed builds is reported once. */
  private boolean failing;

  /** How a generation's server is made from its class loader. */
  @FunctionalInterface
  private interface Entry {
    Server.Builder configure(ClassLoader loader, String[] args) throws Exception;
  }

  /** One start of the application: its copy of the output, its loader and its server. */
  private record Generation(int number, OutputCopy copy, AppClassLoader loader, Server server) {}

  private Reloader(Entry entry, List<Path> directories, String[] args, ClassLoader parent) throws IOException {
    this.entry = entry;
    this.directories = List.copyOf(directories);
    this.args = args.clone();
    this.parent = parent;
    this.watcher = FileSystems.getDefault().newWatchService();
    for (Path directory : directories) {
      watchTree(directory);
    }
    this.thread = new Thread(this::watch, "kiln-reload");
    this.thread.setDaemon(true);
  }

  /**
   * Starts {@code entry} (a {@link Reloadable}'s class name) from {@code directories} and reloads it
   * on every change to them.
   *
   * @param parent where libraries come from: the loader that loaded Kiln
   * @throws Exception when the first start fails
   */
  public static Reloader start(String entry, List<Path> directories, String[] args, ClassLoader parent)
      throws Exception {
    return start((loader, arguments) -> ((Reloadable) Class.forName(entry, true, loader)
        .getDeclaredConstructor().newInstance()).configure(arguments), directories, args, parent);
  }

  /**
   * Starts the application whose {@code main} (in class {@code mainClass}) calls
   * {@link dev.kiln.launch.Kiln#run}, and reloads it on every change to {@code directories}: each
   * generation runs that {@code main} in its own class loader, and {@code Kiln.run} hands its
   * configured server back here instead of serving.
   *
   * @throws Exception when the first start fails
   */
  public static Reloader startMain(String mainClass, List<Path> directories, String[] args, ClassLoader parent)
      throws Exception {
    return start((loader, arguments) -> MainHandOver.run(mainClass, loader, arguments), directories, args, parent);
  }

  private static Reloader start(Entry entry, List<Path> directories, String[] args, ClassLoader parent)
      throws Exception {
    Reloader reloader = new Reloader(entry, directories, args, parent);
    reloader.load();
    reloader.thread.start();
    return reloader;
  }

  /**
   * The build output {@code type} was loaded from, for an application that reloads itself: its
   * classes directory ({@code target/classes}).
   */
  public static Path outputOf(Class<?> type) {
    try {
      Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!Files.isDirectory(location)) {
        throw new IllegalStateException(type.getName() + " was loaded from " + location + ", not from a classes "
            + "directory: reload watches a build's output, so run the application from it (mvn exec:exec, an IDE)");
      }
      return location;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The running application's server. */
  public Server server() {
    Generation current = running;
    return current == null ? null : current.server();
  }

  /** The class loader of the running application's classes. */
  public ClassLoader loader() {
    Generation current = running;
    return current == null ? null : current.loader();
  }

  /** How many times the application was started. */
  public int generation() {
    return generation;
  }

  /** Stops the application and the watching. */
  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      LOG.debug("Closing the watch service failed", e);
    }
    thread.interrupt();
    Generation last = running;
    running = null;
    stop(last);
  }

  private void watch() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Wait for the build to finish writing: quiet for a moment.
        for (WatchKey more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS); more != null;
            more = watcher.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) {
          drain(more);
        }
        reload();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  private void reload() {
    long start = System.nanoTime();
    try {
      load();
      failing = false;
      LOG.info("Reloaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    } catch (Exception | LinkageError e) {
      if (!failing) {
        failing = true;
        LOG.warn("Build output incomplete or failed, {} ({}); the next build tries again",
            running != null ? "still serving the previous version" : "nothing is serving", e.toString());
      }
      LOG.debug("Reload failed", e);
    }
  }

  /** Takes a key's events, watching directories a build just created. */
  private void drain(WatchKey key) {
    Path directory = (Path) key.watchable();
    for (var event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
          && Files.isDirectory(directory.resolve(name))) {
        try {
          watchTree(directory.resolve(name));
        } catch (IOException e) {
          LOG.warn("Cannot watch {}", directory.resolve(name), e);
        }
      }
    }
    key.reset();
  }

  /**
   * Copies the output, loads every class of it and configures the application, all beside the
   * running generation; then stops that one and starts this one's server on the freed port. The
   * generation's number is counted only once its server is {@link #server()}'s.
   */
  private void load() throws Exception {
    int number = generation + 1;
    OutputCopy copy = OutputCopy.of(directories);
    AppClassLoader fresh = new AppClassLoader("kiln-app-" + number, copy.urls(), parent);
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(fresh); // threads the app starts (event loops) inherit it
    try {
      copy.loadEveryClass(fresh); // a truncated or missing class fails here, not in a request
      Server.Builder configured = entry.configure(fresh, args.clone());
      Generation stopping = running;
      running = null;
      stop(stopping);
      Server server = configured.start();
      LOG.info("Serving generation {} on port {}", number, server.port());
      running = new Generation(number, copy, fresh, server);
      generation = number;
    } catch (Exception | LinkageError e) {
      close(fresh, copy);
      throw e;
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  private void stop(Generation stopping) {
    if (stopping == null) {
      return;
    }
    stopping.server().close();
    close(stopping.loader(), stopping.copy());
    // Each generation's app has its own JSON codec; only Jackson's shared type factory, which the
    // generated type constants are built with, remembers the old classes.
    dev.kiln.Json.forgetTypes();
  }

  private static void close(AppClassLoader loader, OutputCopy copy) {
    try {
      loader.close();
    } catch (IOException e) {
      LOG.debug("Closing a class loader failed", e);
    }
    copy.delete();
  }

  private void watchTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path directory : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }
}
