package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <App>Assets}: compiled by javac into a class output that already holds the static files,
 * as Maven's process-resources leaves it; one constant per file (no dotfile, no precompressed
 * sibling), and a link to a deleted file a compile error where it is linked.
 */
class AssetsTest {
  private static final String APP = "package shop;\n@dev.kiln.Application\npublic final class ShopApp {}\n";
  private static final String PAGE = """
      package shop;
      public final class Page {
        public static String stylesheet() { return ShopAppAssets.CSS_SITE_CSS; }
      }
      """;

  private record Result(boolean success, List<String> errors, Path output) {}

  private static Result compile(Path work, boolean withStylesheet) throws Exception {
    Path sources = Files.createDirectories(work.resolve("src/shop"));
    Path output = Files.createDirectories(work.resolve("classes"));
    Files.createDirectories(output.resolve("static/css"));
    Files.createDirectories(output.resolve("static/.hidden"));
    Files.writeString(output.resolve("static/js-app.js"), "x");
    Files.writeString(output.resolve("static/.env"), "secret");
    Files.writeString(output.resolve("static/.hidden/x.txt"), "x");
    if (withStylesheet) {
      Files.writeString(output.resolve("static/css/site.css"), "body {}");
      Files.writeString(output.resolve("static/css/site.css.gz"), "gz");
    }
    Files.writeString(sources.resolve("ShopApp.java"), APP);
    Files.writeString(sources.resolve("Page.java"), PAGE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      List<String> options = new ArrayList<>(List.of("-d", output.toString(), "-s",
          Files.createDirectories(work.resolve("generated")).toString(), "-classpath", System.getProperty("java.class.path")));
      if (Runtime.version().feature() >= 21) {
        options.add("-proc:full"); // JDK 23+ runs processors only when asked to
      }
      JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), files, diagnostics, options, null,
          files.getJavaFileObjects(sources.resolve("ShopApp.java").toFile(), sources.resolve("Page.java").toFile()));
      task.setProcessors(List.of(new KilnProcessor()));
      boolean success = task.call();
      List<String> errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> new File(d.getSource().toUri()).getName() + ":" + d.getLineNumber() + " " + d.getMessage(Locale.ROOT))
          .toList();
      return new Result(success, errors, work.resolve("generated/shop/ShopAppAssets.java"));
    }
  }

  @Test
  void eachListedFileIsAConstant(@TempDir Path work) throws Exception {
    Result result = compile(work, true);
    assertThat(result.errors()).isEmpty();
    assertThat(result.success()).isTrue();
    String assets = Files.readString(result.output());
    assertThat(assets).contains("public static final String CSS_SITE_CSS = \"css/site.css\";")
        .contains("public static final String JS_APP_JS = \"js-app.js\";")
        .doesNotContain(".env", "ENV", "hidden", "HIDDEN", "site.css.gz");
  }

  @Test
  void aLinkToADeletedFileFailsWhereItIsLinked(@TempDir Path work) throws Exception {
    Result result = compile(work, false);
    assertThat(result.success()).isFalse();
    assertThat(result.errors()).anyMatch(error -> error.startsWith("Page.java:3 ") && error.contains("CSS_SITE_CSS"));
  }
}
