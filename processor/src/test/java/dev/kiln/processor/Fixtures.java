package dev.kiln.processor;

import javax.tools.JavaFileObject;

/** Source files shared by the behavioural tests: a small application exercising every binding. */
final class Fixtures {
  private Fixtures() {}

  static final JavaFileObject APP = Compilations.source("""
      package shop;

      import dev.kiln.Application;

      @Application
      public final class ShopApp {}
      """);

  /** Handlers echo what they received as text, so tests can check routing and binding at once. */
  static final JavaFileObject CATALOG = Compilations.source("""
      package shop;

      import dev.kiln.*;
      import java.util.*;
      import java.util.concurrent.*;

      public final class Catalog {
        public enum Color { RED, GREEN }
        public record Item(long id, String name) {}

        // Declared least specific first: order must not matter.
        @Route(path = "/items/{slug}", name = "itemBySlug")
        public String itemBySlug(String slug) { return "slug:" + slug; }

        @Route(path = "/items/{id:\\\\d+}", name = "item")
        public String item(long id) { return "id:" + id; }

        @Route(path = "/items/new")
        public String newItem() { return "new"; }

        @Route(method = HttpMethod.POST, path = "/items")
        public Response create(Request request) { return Response.redirect(ShopAppUrls.item(7)); }

        @Route(path = "/items")
        public List<Item> items(@Query Optional<Integer> page, @Query("tag") List<String> tags, @Query Optional<Color> color) {
          return List.of(new Item(page.orElse(1), tags + "/" + color.map(Enum::name).orElse("-")));
        }

        @Route(path = "/files/{name}", name = "file")
        public String file(String name) { return "file:" + name; }

        @Route(path = "/files/{path:.*}", name = "tree")
        public String tree(String path) { return "tree:" + path; }

        @Route(path = "/orders/{orderId}", name = "order")
        public String order(long orderId) { return "order:" + orderId; }

        @Route(path = "/counts/{n}")
        public String count(int n) { return "count:" + n; }

        @Route(path = "/ids/{id}", name = "byUuid")
        public String uuid(UUID id) { return "uuid:" + id; }

        @Route(path = "/colors/{color}", name = "color")
        public String color(Color color) { return "color:" + color; }

        @Route(path = "/ratio/{value}", name = "ratio")
        public String ratio(double value) { return "ratio:" + value; }

        @Route(path = "/flags/{on}", name = "flag")
        public String flag(boolean on) { return "flag:" + on; }

        @Route(path = "/users/{user}/repos/{repo}", name = "repo")
        public String repo(String user, String repo) { return "repo:" + user + "~" + repo; }

        @Route(path = "/users/me")
        public String me() { return "me"; }

        @Route(method = HttpMethod.POST, path = "/users/{user}")
        public String updateUser(String user) { return "update:" + user; }

        @Route(method = HttpMethod.DELETE, path = "/users/{user}")
        public void deleteUser(String user) {}

        @Route(path = "/café", name = "cafe")
        public String cafe() { return "café"; }

        @Route(path = "/slash/")
        public String trailing() { return "with slash"; }

        @Route(path = "/slash")
        public String noTrailing() { return "without slash"; }

        @Route(path = "/search", name = "search")
        public String search(@Query String query, @Query Optional<String> locale, @Query boolean exact) {
          return query + "|" + locale.orElse("-") + "|" + exact;
        }

        @Route(path = "/whoami")
        public String whoami(@Header("X-User") String user, @Header("Accept") List<String> accept, @Cookie Optional<String> session) {
          return user + "|" + accept + "|" + session.orElse("-");
        }

        @Route(path = "/bytes")
        public byte[] bytes() { return new byte[] {1, 2, 3}; }

        @Route(path = "/async")
        public CompletionStage<String> async(@Query String value) { return CompletableFuture.completedFuture("async:" + value); }

        @Route(path = "/async-json")
        public CompletableFuture<Item> asyncJson() { return CompletableFuture.completedFuture(new Item(1, "a")); }

        @Route(method = HttpMethod.POST, path = "/async-void")
        public CompletionStage<Void> asyncVoid() { return CompletableFuture.completedFuture(null); }

        @NonBlocking
        @Route(path = "/fast")
        public String fast() { return "fast"; }

        @Route(path = "/head")
        public String headGet() { return "get body"; }

        @Route(method = HttpMethod.HEAD, path = "/head")
        public Response head() { return Response.status(200).withHeader("X-Head", "explicit"); }

        @Route(path = "/fail")
        public String fail() { throw HttpError.conflict("already there"); }

        @Route(path = "/report", produces = Route.HTML)
        public Response reportPage() { return Response.html("<p>report</p>"); }

        @Route(path = "/report", produces = Route.JSON)
        public Item report() { return new Item(7, "report"); }

        @Route(path = "/")
        public static String index() { return "index"; }
      }
      """);

  static final JavaFileObject FIXTURE = Compilations.source("""
      package shop;

      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        @Override
        public dev.kiln.Router get() {
          return ShopAppRoutes.builder().catalog(new Catalog()).build();
        }
      }
      """);

  static GeneratedApp shop() {
    return GeneratedApp.compile("shop.Fixture", APP, CATALOG, FIXTURE);
  }
}
