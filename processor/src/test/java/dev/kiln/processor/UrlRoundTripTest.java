package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import dev.kiln.Url;
import dev.kiln.internal.routing.InMemory;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builds URLs with the generated builders, dispatches them, and lands on the same route with the same values. */
class UrlRoundTripTest {
  private static final String URLS = "shop.ShopAppUrls";
  private static GeneratedApp app;

  @BeforeAll
  static void compile() {
    app = Fixtures.shop();
  }

  @ParameterizedTest
  @ValueSource(strings = {"plain", "with space", "a/b", "what?", "#hash", "100%", "%2F", "a+b", "ünïcödé", "☃ snow",
      "semi;colon", "x=y&z", ".", "..", "...", "~tilde", "'quoted'", "tab\there", "日本語"})
  void stringParametersSurviveTheRoundTrip(String value) {
    assertRoundTrip(app.urlWith(URLS, new String[] {"repo"}, value, value + "!"), "repo", "repo:" + value + "~" + value + "!");
    assertRoundTrip(app.urlWith(URLS, new String[] {"file"}, value), "file", "file:" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "a/b/c", "dir with space/file?.txt", "x/%/y", "", "trailing/", "ü/ß"})
  void tailWildcardsKeepTheirSlashes(String value) {
    Url url = app.urlWith(URLS, new String[] {"tree"}, value);
    if (!value.isEmpty() && !value.contains("/")) {
      assertThat(url.path()).isEqualTo("/files/" + value); // one segment: the plain route takes it, as it should
      return;
    }
    assertRoundTrip(url, "tree", "tree:" + value);
  }

  @Test
  void typedParametersSurviveTheRoundTrip() {
    assertRoundTrip(app.urlWith(URLS, new String[] {"item"}, 42L), "item", "id:42");
    assertRoundTrip(app.urlWith(URLS, new String[] {"order"}, Long.MIN_VALUE), "order", "order:" + Long.MIN_VALUE);
    assertRoundTrip(app.urlWith(URLS, new String[] {"order"}, Long.MAX_VALUE), "order", "order:" + Long.MAX_VALUE);
    UUID uuid = UUID.randomUUID();
    assertRoundTrip(app.urlWith(URLS, new String[] {"byUuid"}, uuid), "byUuid", "uuid:" + uuid);
    assertRoundTrip(app.urlWith(URLS, new String[] {"ratio"}, 1e-9), "ratio", "ratio:" + 1e-9);
    assertRoundTrip(app.urlWith(URLS, new String[] {"ratio"}, -2.5), "ratio", "ratio:-2.5");
    assertRoundTrip(app.urlWith(URLS, new String[] {"flag"}, false), "flag", "flag:false");
    assertRoundTrip(app.url("color", Map.of("color", "GREEN")), "color", "color:GREEN");
    assertRoundTrip(app.urlWith(URLS, new String[] {"cafe"}), "cafe", "café");
  }

  @Test
  void queryStringsAreEncodedAndDecodedSymmetrically() {
    Url url = app.urlWith(URLS, new String[] {"search"}, "a b&c=d+e%f", true)
        .withQuery("locale", java.util.Optional.of("uk_UA"));
    assertThat(url.toString()).isEqualTo("/search?query=a%20b%26c%3Dd%2Be%25f&exact=true&locale=uk_UA");
    assertRoundTrip(url, "search", "a b&c=d+e%f|uk_UA|true");
  }

  /** {@code search(@Query String query, @Query Optional<String> locale, @Query boolean exact)}: the builder takes the two a request needs. */
  @Test
  void requiredQueryParametersAreTheBuildersParametersSoTheUrlIsNever400() {
    Url url = app.urlWith(URLS, new String[] {"search"}, "kiln", false);
    assertThat(url.toString()).isEqualTo("/search?query=kiln&exact=false");
    assertRoundTrip(url, "search", "kiln|-|false");
    assertThat(app.call(InMemory.of(HttpMethod.GET, "/search?query=kiln")).status())
        .as("without the builder, a missing one is a 400").isEqualTo(400);

    assertThat(app.url("search", Map.of("query", "kiln", "exact", "true", "locale", "fr")).toString())
        .isEqualTo("/search?query=kiln&exact=true&locale=fr");
    assertRoundTrip(app.url("search", Map.of("query", "kiln", "exact", true)), "search", "kiln|-|true");
    assertThatThrownBy(() -> app.url("search", Map.of("query", "kiln")))
        .hasMessage("route 'search' takes parameters [exact, query] and optionally [locale], got [query]");
    assertThatThrownBy(() -> app.url("search", Map.of("query", "kiln", "exact", true, "page", 2)))
        .hasMessage("route 'search' takes parameters [exact, query] and optionally [locale], got [exact, page, query]");
    assertThatThrownBy(() -> app.url("search", Map.of("query", "kiln", "exact", "maybe")))
        .hasMessageContaining("parameter 'exact' must be a boolean");
  }

  /** {@code /items/{slug}} loses {@code /items/new} and {@code /items/12} to more specific routes: its builder refuses them. */
  @Test
  void aBuilderRefusesAUrlAMoreSpecificRouteWouldServe() {
    assertThatThrownBy(() -> app.urlWith(URLS, new String[] {"itemBySlug"}, "new"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the URL /items/new built for route 'itemBySlug' would be served by GET /items/new "
            + "(Catalog#newItem), a more specific route; use that route's own builder, or another value");
    assertThatThrownBy(() -> app.url("itemBySlug", Map.of("slug", "12")))
        .hasMessageContaining("would be served by GET /items/{id:\\d+} (Catalog#item)");
    assertRoundTrip(app.urlWith(URLS, new String[] {"itemBySlug"}, "new-shoes"), "itemBySlug", "slug:new-shoes");
    assertRoundTrip(app.urlWith(URLS, new String[] {"itemBySlug"}, "12a"), "itemBySlug", "slug:12a");
  }

  @Test
  void lookupByNameMatchesTheTypedBuilders() {
    assertThat(app.url("item", Map.of("id", 42L))).isEqualTo(app.urlWith(URLS, new String[] {"item"}, 42L));
    assertThat(app.url("item", Map.of("id", "42"))).isEqualTo(app.urlWith(URLS, new String[] {"item"}, 42L));
    assertThat(app.url("repo", Map.of("user", "a b", "repo", "c")).toString()).isEqualTo("/users/a%20b/repos/c");
  }

  @Test
  void buildersRejectValuesTheRouteWouldNotMatch() {
    assertThatThrownBy(() -> app.urlWith(URLS, new String[] {"item"}, -1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path parameter 'id' must match \\d+, got \"-1\"");
    assertThatThrownBy(() -> app.urlWith(URLS, new String[] {"file"}, ""))
        .hasMessage("path parameter 'name' must not be empty");
    assertThatThrownBy(() -> app.urlWith(URLS, new String[] {"ratio"}, Double.NaN))
        .hasMessageContaining("must be finite");
    assertThatThrownBy(() -> app.url("nope", Map.of()))
        .hasMessageContaining("no route named \"nope\"; named routes: byUuid, cafe, color");
    assertThatThrownBy(() -> app.url("item", Map.of()))
        .hasMessage("route 'item' takes parameters [id], got []");
    assertThatThrownBy(() -> app.url("item", Map.of("id", 1, "extra", 2)))
        .hasMessage("route 'item' takes parameters [id], got [extra, id]");
    assertThatThrownBy(() -> app.url("item", Map.of("id", "x1")))
        .hasMessageContaining("parameter 'id' must be a long");
  }

  private static void assertRoundTrip(Url url, String routeName, String body) {
    Request request = InMemory.of(HttpMethod.GET, url.toString());
    var match = app.router.newMatch();
    assertThat(app.router.match(HttpMethod.GET, request.path(), match)).as(url.toString()).isTrue();
    RouteInfo route = match.endpoint().route();
    assertThat(route.name()).as(url.toString()).isEqualTo(routeName);
    Response response = app.call(request);
    assertThat(response.bodyText()).as(url.toString()).isEqualTo(body);
  }
}
