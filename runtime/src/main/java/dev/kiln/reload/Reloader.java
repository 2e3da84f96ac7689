package dev.kiln.reload;

import dev.kiln.server.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
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
 * from its build output, watches that output, and when a build changes it stops the application and
 * starts it again from a fresh class loader, so the old classes can be collected.
 *
 * <pre>{@code
 * // terminal 1                                           // terminal 2, after each edit (or the IDE's build)
 * mvn -pl sample-app exec:java -Dexec.args=--reload       mvn -pl sample-app compile
 * }</pre>
 *
 * <p>Changes are picked up once the output has been quiet for a short moment, so one build is one
 * restart. A start that fails (a half-written build) is logged and the next change tries again.
 * Reload is a development tool: it creates the entry point reflectively, which Kiln's own startup
 * never does.
 */
public final class Reloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);
  /** How long the output must stay unchanged before a reload: a build writes many files. */
  private static final long QUIET_MILLIS = 300;

  private final String entry;
  private final List<Path> directories;
  private final String[] args;
  private final ClassLoader parent;
  private final WatchService watcher;
  private final Thread thread;
  private volatile AppClassLoader loader;
  private volatile Server server;
  private volatile int generation;

  private Reloader(String entry, List<Path> directories, String[] args, ClassLoader parent) throws IOException {
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
            + "directory: reload watches a build's output, so run the application from it (mvn exec:java, an IDE)");
      }
      return location;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The running application's server; {@code null} while a failed build waits for the next. */
  public Server server() {
    return server;
  }

  /** The class loader of the running application's classes. */
  public ClassLoader loader() {
    return loader;
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
    stop();
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
        long start = System.nanoTime();
        stop();
        try {
          load();
          LOG.info("Reloaded in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } catch (LinkageError | ReflectiveOperationException e) {
          // A build still writing, or one that failed: the next change tries again.
          LOG.warn("Reload failed ({}); waiting for the next change", e.toString());
        } catch (Exception e) {
          LOG.error("Reload failed; waiting for the next change", e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
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

  private void load() throws Exception {
    URL[] urls = new URL[directories.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = toUrl(directories.get(i));
    }
    int next = generation + 1;
    AppClassLoader fresh = new AppClassLoader("kiln-app-" + next, urls, parent);
    Thread current = Thread.currentThread();
    ClassLoader previous = current.getContextClassLoader();
    current.setContextClassLoader(fresh); // threads the app starts (event loops) inherit it
    try {
      Reloadable reloadable = (Reloadable) Class.forName(entry, true, fresh).getDeclaredConstructor().newInstance();
      Server.Builder configured = reloadable.configure(args.clone());
      server = configured.start();
      LOG.info("Serving generation {} on port {}", next, server.port());
      loader = fresh;
      generation = next;
    } catch (Exception | LinkageError e) {
      fresh.close();
      throw e;
    } finally {
      current.setContextClassLoader(previous);
    }
  }

  private void stop() {
    Server running = server;
    server = null;
    if (running != null) {
      running.close();
    }
    AppClassLoader old = loader;
    loader = null;
    if (old != null) {
      try {
        old.close();
      } catch (IOException e) {
        LOG.debug("Closing the old class loader failed", e);
      }
    }
    // Each generation's app has its own JSON codec; only Jackson's shared type factory, which the
    // generated type constants are built with, remembers the old classes.
    dev.kiln.Json.forgetTypes();
  }

  private void watchTree(Path root) throws IOException {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path directory : (Iterable<Path>) tree.filter(Files::isDirectory)::iterator) {
        directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
      }
    }
  }

  private static URL toUrl(Path directory) {
    try {
      return directory.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
