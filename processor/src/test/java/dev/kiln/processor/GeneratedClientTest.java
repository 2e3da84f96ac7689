package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code <App>Client}: compiled from a fixture with path, query, header and body parameters, then
 * called route by route against the fixture served on a real socket by a driver compiled with it,
 * so every call site is checked by javac as a user's would be.
 */
class GeneratedClientTest {
  private static final JavaFileObject APP = Compilations.source("""
      package api;

      @dev.kiln.Application
      public final class ApiApp {}
      """);

  private static final String PROJECTS = """
      package api;

      import dev.kiln.*;
      import jakarta.validation.constraints.NotBlank;
      import java.util.*;
      import java.util.concurrent.*;

      public final class Projects {
        public enum Kind { LIBRARY, APP }
        public record Project(long id, String name, Kind kind, List<String> tags) {}
        public record NewProject(@NotBlank String name, Kind kind) {}
        public record Rename(String name) {}

        @Route(path = "/api/projects/{id}", name = "api.projects.get")
        public Project get(%s id, @Header("X-Tenant") String tenant, @Query Optional<String> fields) {
          return new Project(Long.parseLong(String.valueOf(id)), tenant + "|" + fields.orElse("-"), Kind.LIBRARY, List.of());
        }

        @Route(path = "/api/projects", name = "api.projects.search")
        public List<Project> search(@Query String query, @Query("tag") List<String> tags, @Query Optional<Kind> kind,
            @Query boolean exact, @Query Optional<Double> score) {
          return List.of(new Project(1, query + "|" + exact + "|" + score.map(String::valueOf).orElse("-"),
              kind.orElse(Kind.APP), tags));
        }

        @Route(method = HttpMethod.POST, path = "/api/projects", name = "api.projects.create")
        public CompletionStage<Project> create(@Body NewProject project, @Header("X-Trace") Optional<UUID> trace) {
          return CompletableFuture.completedFuture(
              new Project(7, project.name() + "|" + trace.map(UUID::toString).orElse("-"), project.kind(), List.of()));
        }

        @Route(method = HttpMethod.PUT, path = "/api/projects/{id}/name", name = "api.projects.rename")
        public String rename(long id, @Body Optional<Rename> rename) {
          return id + ":" + rename.map(Rename::name).orElse("(unchanged)");
        }

        @Route(method = HttpMethod.DELETE, path = "/api/projects/{id}", name = "api.projects.delete")
        public void delete(long id, @Header("X-Reason") List<Kind> reasons) {
          if (reasons.isEmpty()) {
            throw HttpError.conflict("give a reason");
          }
        }

        @Route(path = "/api/projects/{id}/logo", name = "api.projects.logo")
        public byte[] logo(long id) { return new byte[] {(byte) id, 0, -1}; }

        @Route(path = "/ping", name = "ping")
        public String ping(Request request) { return "pong " + request.method(); }

        @Route(path = "/versioned", name = "versioned", headers = "X-Api-Version=2")
        public String versioned() { return "v2"; }

        @Route(method = HttpMethod.POST, path = "/api/vendor", name = "vendor",
            consumes = "application/vnd.kiln+json", produces = "application/json")
        public Project vendor(@Body NewProject project) {
          return new Project(8, project.name(), project.kind(), List.of());
        }

        @Route(path = "/raw", name = "raw")
        public Response raw() { return Response.text("raw"); }

        @Route(path = "/unnamed")
        public String unnamed() { return "unnamed"; }

        @Route(path = "/session", name = "session")
        public String session(@Cookie("sid") String sid) { return sid; }
      }
      """;

  /** Calls every route through the generated client and writes down what came back. */
  private static final JavaFileObject DRIVER = Compilations.source("""
      package api;

      import dev.kiln.client.*;
      import java.net.URI;
      import java.util.*;
      import java.util.concurrent.*;
      import java.util.function.Supplier;

      public final class Driver implements Supplier<List<String>> {
        private final List<String> seen = new ArrayList<>();

        @Override
        public List<String> get() {
          dev.kiln.server.Server server = dev.kiln.server.Server.builder(ApiAppRoutes.builder().projects(new Projects()).build())
              .host("127.0.0.1").port(0).start();
          try (Client outbound = Client.builder().build()) {
            ApiAppClient client = new ApiAppClient(outbound, URI.create("http://127.0.0.1:" + server.port() + "/"));
            ApiAppClient.Api.Projects projects = client.api().projects();
            record("get", projects.get(42L, "acme", Optional.of("name")));
            record("get without fields", projects.get(43L, "acme", Optional.empty()));
            record("search", projects.search("a b&c", List.of("x", "y z"), Optional.of(Projects.Kind.LIBRARY), true,
                Optional.of(2.5)));
            record("search bare", projects.search("q", List.of(), Optional.empty(), false, Optional.empty()));
            UUID trace = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            record("create", projects.create(new Projects.NewProject("kiln", Projects.Kind.APP), Optional.of(trace)));
            record("create invalid", projects.create(new Projects.NewProject(" ", Projects.Kind.APP), Optional.empty()));
            record("rename", projects.rename(5, Optional.of(new Projects.Rename("furnace"))));
            record("rename empty", projects.rename(5, Optional.empty()));
            record("delete", projects.delete(5, List.of(Projects.Kind.APP)));
            record("delete refused", projects.delete(5, List.of()));
            record("logo", projects.logo(9).thenApply(Arrays::toString));
            record("ping", client.ping());
            record("versioned", client.versioned());
            record("vendor", client.vendor(new Projects.NewProject("typed", Projects.Kind.APP)));
            record("customised", client.withEveryCall(call -> call.header("X-Tenant", "ignored")).ping());
          } finally {
            server.close();
          }
          return seen;
        }

        private void record(String name, CompletionStage<?> call) {
          try {
            seen.add(name + " -> " + call.toCompletableFuture().get(10, TimeUnit.SECONDS));
          } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            String detail = failure instanceof ProblemException problem
                ? problem.status() + " " + problem.violations()
                : failure instanceof StatusException status ? String.valueOf(status.status()) : failure.toString();
            seen.add(name + " !> " + failure.getClass().getSimpleName() + " " + detail);
          } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(name, e);
          }
        }
      }
      """);

  @Test
  void everyRouteRoundTripsThroughTheGeneratedClient() throws Exception {
    Compilation compilation = Compilations.compile(APP, projects("long"), DRIVER);
    assertThat(compilation).succeeded();

    @SuppressWarnings("unchecked")
    Supplier<List<String>> driver = (Supplier<List<String>>) Compilations.classLoader(compilation)
        .loadClass("api.Driver").getDeclaredConstructor().newInstance();
    assertThat(driver.get()).containsExactly(
        "get -> Project[id=42, name=acme|name, kind=LIBRARY, tags=[]]",
        "get without fields -> Project[id=43, name=acme|-, kind=LIBRARY, tags=[]]",
        "search -> [Project[id=1, name=a b&c|true|2.5, kind=LIBRARY, tags=[x, y z]]]",
        "search bare -> [Project[id=1, name=q|false|-, kind=APP, tags=[]]]",
        "create -> Project[id=7, name=kiln|123e4567-e89b-12d3-a456-426614174000, kind=APP, tags=[]]",
        "create invalid !> ProblemException 422 [Violation[in=body, path=$.name, constraint=NotBlank, message=must not be blank]]",
        "rename -> 5:furnace",
        "rename empty -> 5:(unchanged)",
        "delete -> null",
        "delete refused !> ProblemException 409 []",
        "logo -> [9, 0, -1]",
        "ping -> pong GET",
        "versioned -> v2",
        "vendor -> Project[id=8, name=typed, kind=APP, tags=[]]",
        "customised -> pong GET");
  }

  @Test
  void theRoutesItCannotCallAreListedWithWhy() throws IOException {
    Compilation compilation = Compilations.compile(APP, projects("long"));
    assertThat(compilation).succeeded();

    String client = compilation.generatedFile(StandardLocation.SOURCE_OUTPUT, "api", "ApiAppClient.java")
        .orElseThrow().getCharContent(true).toString();
    assertThat(client)
        .contains("<li>{@code GET /raw} (raw): it returns Response, whose body the client cannot type; call it with Client")
        .contains("<p>Routes without a name get no method; name them with {@code @Route(name = ...)}:\n * {@code GET /unnamed}.")
        .contains("<li>{@code GET /session} (session): it reads the cookie sid, which a browser sends")
        .doesNotContain("CompletionStage<Response>")
        .contains("public CompletionStage<api.Projects.Project> get(long id, String tenant,\n          Optional<String> fields)")
        .contains("Url url = ApiAppUrls.api().projects().get(id);")
        .contains("request.header(\"Accept\", \"application/json\");")
        .contains("request.json(NEW_PROJECT_JSON, project, \"application/vnd.kiln+json\");");
  }

  @Test
  void changingAHandlersParameterTypeBreaksTheCallSite() {
    Compilation compilation = Compilations.compile(APP, projects("String"), DRIVER);

    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("incompatible types: long cannot be converted to java.lang.String")
        .inFile(DRIVER);
  }

  private static JavaFileObject projects(String idType) {
    return Compilations.source(PROJECTS.formatted(idType));
  }
}
