package dev.kiln.jte;

import dev.kiln.Response;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import gg.jte.resolve.DirectoryCodeResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Template reload for development: once {@link #enable enabled}, every method of the generated
 * {@code <App>Templates} renders its template from the source folder, which jte recompiles when it
 * changes, instead of the class compiled with the app. Enable it in debug mode only: production
 * calls the precompiled classes directly, with no engine, lookup or compiler.
 *
 * <pre>{@code
 * if (settings.debug()) {
 *   TemplateReload.enable(Path.of("src/main/jte"));
 * }
 * }</pre>
 *
 * <p>jte compiles into a temporary folder of its own, never on the class path: a jte class folder
 * on the class path (jte issue #63) would have the class loader serve the old classes, and reload
 * would stop working without a word. {@link #enable} also refuses to start when jte's on-demand
 * classes are found on the class path.
 */
public final class TemplateReload {
  private static final Logger LOG = LoggerFactory.getLogger(TemplateReload.class);
  private static final String ON_DEMAND = "gg/jte/generated/ondemand/";

  /** The engine over the source folder while reload is on; read by every generated template method. */
  private static volatile TemplateEngine engine;

  private TemplateReload() {}

  /** Renders templates from {@code sourceFolder} from now on, each compiled again when its file changes. */
  public static synchronized void enable(Path sourceFolder) {
    if (!Files.isDirectory(sourceFolder)) {
      throw new IllegalArgumentException("no template folder " + sourceFolder.toAbsolutePath());
    }
    requireNoCompiledTemplates(TemplateReload.class.getClassLoader());
    Path classes;
    try {
      classes = Files.createTempDirectory("kiln-jte-classes-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    TemplateEngine created = TemplateEngine.create(new DirectoryCodeResolver(sourceFolder.toAbsolutePath()), classes,
        ContentType.Html, TemplateReload.class.getClassLoader());
    created.setTrimControlStructures(true); // as kiln-app-parent's build does
    engine = created;
    LOG.info("Templates reload from {} (compiled into {})", sourceFolder.toAbsolutePath(), classes);
  }

  /** jte issue #63: compiled on-demand templates on the class path would be served instead of the recompiled ones. */
  static void requireNoCompiledTemplates(ClassLoader loader) {
    if (loader.getResource(ON_DEMAND) != null) {
      throw new IllegalStateException("jte's compiled templates (" + ON_DEMAND + ") are on the class path at "
          + loader.getResource(ON_DEMAND) + ", so the class loader would serve them instead of the recompiled ones "
          + "(jte issue #63): remove jte's class folder (often jte-classes) from the class path");
    }
  }

  /** Back to the precompiled classes. */
  public static synchronized void disable() {
    engine = null;
  }

  /** Whether templates render from the source folder: what the generated methods ask first. */
  public static boolean enabled() {
    return engine != null;
  }

  /**
   * For the generated {@code <App>Templates}: renders {@code template} from the source folder with
   * {@code namesAndValues} ({@code "projects", projects, ...}) as its parameters.
   */
  public static Response render(String template, Object... namesAndValues) {
    TemplateEngine current = engine;
    if (current == null) {
      throw new IllegalStateException("template reload is not enabled");
    }
    Map<String, Object> parameters = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    StringOutput page = new StringOutput();
    current.render(template, parameters, new OwaspHtmlTemplateOutput(page));
    return Response.html(page.toString());
  }
}
