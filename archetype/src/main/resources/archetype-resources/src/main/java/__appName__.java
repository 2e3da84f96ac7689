package ${package};

import dev.kiln.Application;
import dev.kiln.Router;
import dev.kiln.launch.Kiln;
import dev.kiln.server.Server;
import ${package}.api.NoteStore;
import ${package}.api.NoteViews;

/**
 * The application. The processor writes {@code ${appName}Routes} (the route table) and
 * {@code ${appName}Urls} (typed URLs) next to it, under {@code target/generated-sources/annotations}.
 */
@Application
public final class ${appName} {
  private ${appName}() {}

  /** Serves until Ctrl-C; {@code --help} lists the settings, {@code --reload} restarts on each build. */
  public static void main(String[] args) throws Exception {
    Kiln.run(${appName}.class, args, ${appName}::configure);
  }

  /** Settings from the command line, the environment and application.properties; then the server, not started. */
  static Server.Builder configure(String[] args) {
    ${appName}SettingsValues settings = ${appName}SettingsValues.fromCommandLine("${artifactId}", args);
    return Server.builder(router(new NoteStore(), settings.greeting())).settings(settings);
  }

  /** Every handler, wired: what the main serves and the tests call. */
  public static Router router(NoteStore notes, String greeting) {
    return ${appName}Routes.builder()
        .homeViews(new HomeViews(greeting))
        .noteViews(new NoteViews(notes))
        .build();
  }
}
