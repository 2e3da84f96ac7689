package dev.kiln.launch;

import dev.kiln.App;
import dev.kiln.reload.MainHandOver;
import dev.kiln.reload.Reloadable;
import dev.kiln.reload.Reloader;
import dev.kiln.server.Server;
import dev.kiln.settings.LogDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The short main: serves an application from its settings until SIGTERM or Ctrl-C, with
 * development reload behind {@code --reload}.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *   Kiln.run(NotesApp.class, args, NotesApp::configure);
 * }
 *
 * static Server.Builder configure(String[] args) {
 *   NotesSettingsValues settings = NotesSettingsValues.fromCommandLine("notes", args);
 *   App app = App.builder().onStartup("storage", ...).start();
 *   return Server.builder(NotesAppRoutes.builder().noteViews(new NoteViews(app)).build()).settings(settings).app(app);
 * }
 * }</pre>
 *
 * <p>With {@code --reload}, each build of the application's classes directory ({@code mvn compile},
 * or the IDE's build) restarts it from a fresh class loader in the same JVM. A build that failed or
 * is half written leaves the previous version serving; see {@link Reloader}.
 */
public final class Kiln {
  private Kiln() {}

  /**
   * Runs the application: {@code configure} loads its settings from {@code args} and builds its
   * state and server; this starts the server and waits for the signal to stop.
   *
   * @param application the {@code @Application} class, whose {@code main} calls this: what
   *     {@code --reload} restarts
   * @throws IllegalStateException when {@code application} has no generated table: the processor
   *     did not run, and the message says what to check
   * @throws Exception what {@code configure} or starting the server throws
   */
  public static void run(Class<?> application, String[] args, Reloadable configure) throws Exception {
    if (MainHandOver.offer(configure, args)) {
      return; // a generation of --reload: the reloader serves what configure built
    }
    requireGeneratedTable(application);
    List<String> rest = new ArrayList<>(List.of(args));
    boolean reload = rest.remove("--reload");
    String[] arguments = rest.toArray(new String[0]);
    if (reload) {
      reload(application, arguments);
      return;
    }
    Server.Builder builder;
    try {
      builder = configure.configure(arguments);
    } catch (App.StartupException e) {
      // What the app opens at startup (a database, Redis) is away or misconfigured: the user's to fix, not a bug.
      LoggerFactory.getLogger(Kiln.class).debug("Startup failed", e);
      System.err.println(application.getSimpleName() + " did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    try (Server server = builder.closeOnShutdownSignal().start()) {
      System.out.println(application.getSimpleName() + " on http://" + server.host() + ":" + server.port()
          + "/ (Ctrl-C to stop)");
      server.awaitShutdown();
    }
  }

  /**
   * javac reports a missing table only where code names it; a build that skipped the processor
   * and names it nowhere would otherwise start with no routes and no hint.
   */
  static void requireGeneratedTable(Class<?> application) {
    String table = application.getName() + "Routes";
    ClassLoader loader = application.getClassLoader();
    if (loader != null && loader.getResource(table.replace('.', '/') + ".class") == null) {
      throw new IllegalStateException("no generated table found for " + application.getSimpleName() + " ("
          + table + "): pass Kiln.run the @Application class; if it is, kiln-processor did not run. Check that "
          + "maven-compiler-plugin has a version (Maven 3.8's default, 3.1, skips annotationProcessorPaths), that "
          + "its annotationProcessorPaths lists dev.kiln:kiln-processor, and on JDK 23+ that <proc>full</proc> "
          + "is set; kiln-app-parent does all three");
    }
  }

  private static void reload(Class<?> application, String[] args) throws Exception {
    LogDefaults.readable(); // reload is for development, and the reloader's own lines come before the settings
    var output = Reloader.outputOf(application);
    Reloader reloader = Reloader.startMain(application.getName(), List.of(output), args,
        application.getClassLoader());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      reloader.close();
      stopped.countDown();
    }, "kiln-reload-stop"));
    Server first = reloader.server();
    System.out.println(application.getSimpleName() + " on http://" + first.host() + ":" + first.port()
        + "/, reloading on changes to " + output + " (Ctrl-C to stop)");
    stopped.await();
  }
}
