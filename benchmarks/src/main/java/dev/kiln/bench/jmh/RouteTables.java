package dev.kiln.bench.jmh;

import dev.kiln.Router;
import dev.kiln.processor.KilnProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Route tables for the matching benchmarks, put through the real processor: the handler source is
 * generated from a route list, compiled with {@link KilnProcessor} at benchmark setup, and the
 * generated {@code Routes} class loaded.
 */
public final class RouteTables {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

  /** A route: method and template. */
  public record Route(String method, String template) {
    /** A concrete path for it: every parameter replaced by a value. */
    public String samplePath() {
      return PARAM.matcher(template).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT) + "-42");
    }
  }

  private RouteTables() {}

  /** The 203 routes of the GitHub API table. */
  public static List<Route> github() {
    try (InputStream in = RouteTables.class.getResourceAsStream("/github-api-routes.txt")) {
      List<Route> routes = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          routes.add(new Route(parts[0], parts[1]));
        }
      }
      return routes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code size} routes shaped like a REST API: a static root per resource, its items, sub-resources
   * and deeper paths, so tables of every size mix literal and parameter segments alike.
   */
  public static List<Route> synthetic(int size) {
    List<Route> routes = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      String resource = "/res" + (i / 4);
      routes.add(new Route("GET", switch (i % 4) {
        case 0 -> resource;
        case 1 -> resource + "/{id}";
        case 2 -> resource + "/{id}/items";
        default -> resource + "/{id}/items/{item}/details";
      }));
    }
    return routes;
  }

  /** Compiles {@code routes} into a Kiln route table through the annotation processor. */
  public static Router compile(List<Route> routes) {
    try {
      Path sources = Files.createTempDirectory("kiln-bench-src");
      Path classes = Files.createTempDirectory("kiln-bench-classes");
      Path pkg = Files.createDirectories(sources.resolve("table"));
      Files.writeString(pkg.resolve("TableApp.java"), "package table;\n@dev.kiln.Application\npublic final class TableApp {}\n");
      StringBuilder handler = new StringBuilder("package table;\nimport dev.kiln.*;\npublic final class Handlers {\n");
      for (int i = 0; i < routes.size(); i++) {
        Route route = routes.get(i);
        List<String> params = new ArrayList<>();
        Matcher m = PARAM.matcher(route.template());
        while (m.find()) {
          params.add("String " + m.group(1));
        }
        handler.append("  @NonBlocking @Route(method = HttpMethod.").append(route.method()).append(", path = \"")
            .append(route.template()).append("\")\n  public static String r").append(i).append('(')
            .append(String.join(", ", params)).append(") { return \"").append(i).append("\"; }\n");
      }
      Files.writeString(pkg.resolve("Handlers.java"), handler.append("}\n").toString());
      Files.writeString(pkg.resolve("Fixture.java"), "package table;\npublic final class Fixture implements "
          + "java.util.function.Supplier<dev.kiln.Router> {\n  public dev.kiln.Router get() { return TableAppRoutes.create(); }\n}\n");

      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
        List<String> options = List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"),
            "-implicit:none");
        JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null,
            files.getJavaFileObjects(pkg.resolve("TableApp.java"), pkg.resolve("Handlers.java"), pkg.resolve("Fixture.java")));
        task.setProcessors(List.of(new KilnProcessor()));
        if (!task.call()) {
          throw new IllegalStateException("the route table did not compile");
        }
      }
      URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, RouteTables.class.getClassLoader());
      @SuppressWarnings("unchecked")
      Supplier<Router> fixture = (Supplier<Router>) loader.loadClass("table.Fixture").getDeclaredConstructor().newInstance();
      return fixture.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The naive reference: every template as an anchored regex, tried in declaration order, as
   * aiohttp did before 3.10. Returns the index of the first route that matches, or -1.
   */
  public static final class RegexList {
    private final String[] methods;
    private final Pattern[] patterns;

    public RegexList(List<Route> routes) {
      methods = new String[routes.size()];
      patterns = new Pattern[routes.size()];
      for (int i = 0; i < routes.size(); i++) {
        methods[i] = routes.get(i).method();
        patterns[i] = Pattern.compile("^" + PARAM.matcher(routes.get(i).template()).replaceAll("([^/]+)") + "$");
      }
    }

    public int match(String method, String path) {
      for (int i = 0; i < patterns.length; i++) {
        if (methods[i].equals(method) && patterns[i].matcher(path).matches()) {
          return i;
        }
      }
      return -1;
    }
  }
}
