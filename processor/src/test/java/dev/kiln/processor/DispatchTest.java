package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.RouteInfo;
import dev.kiln.internal.routing.InMemory;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dispatches requests through a generated table, in memory. */
class DispatchTest {
  private static GeneratedApp app;

  @BeforeAll
  static void compile() {
    app = Fixtures.shop();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "/items/new            | new",          // literal beats constrained and plain
      "/items/42             | id:42",        // constrained beats plain
      "/items/abc            | slug:abc",     // plain when the constraint fails
      "/items/007            | id:7",
      "/files/a.txt          | file:a.txt",   // plain beats tail
      "/files/a/b/c.txt      | tree:a/b/c.txt",
      "/files/a%2Fb          | file:a/b",     // an encoded slash stays inside its segment
      "/users/a%2Fb/repos/c%20d | repo:a/b~c d",
      "/files/               | tree:",         // a tail may be empty
      "/users/me             | me",
      "/orders/123           | order:123",
      "/orders/-5            | order:-5",
      "/counts/2147483647    | count:2147483647",
      "/ids/123e4567-e89b-12d3-a456-426614174000 | uuid:123e4567-e89b-12d3-a456-426614174000",
      "/colors/green         | color:GREEN",  // enums ignore case
      "/ratio/1.5e3          | ratio:1500.0",
      "/flags/TRUE           | flag:true",
      "/caf%C3%A9            | café",
      "/caf%c3%a9            | café",         // escapes are case-insensitive
      "/%69tems/%34%32       | id:42",        // escaped unreserved characters are the same characters
      "/slash/               | with slash",
      "/slash                | without slash",
      "/                     | index",
  })
  void routesBySpecificityAndBindsPathParameters(String target, String body) {
    Response response = app.get(target);
    assertThat(response.status()).as(target).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo(body);
  }

  @Test
  void nonAsciiTargetsAreEncodedLikeBrowsersDo() {
    assertThat(app.get("/café").bodyText()).isEqualTo("café");
  }

  @ParameterizedTest
  @CsvSource({
      "/orders/abc",                    // not a long
      "/orders/99999999999999999999",   // overflows long
      "/counts/2147483648",             // overflows int
      "/ids/not-a-uuid",
      "/colors/blue",                   // not a constant
      "/ratio/NaN",
      "/flags/maybe",
      "/nowhere",
      "/items/42/more",
      "/users//repos",                  // a plain parameter is never empty
      "/users//repos/x",
  })
  void pathsThatNoRouteMatchesAre404(String target) {
    assertThat(app.get(target).status()).as(target).isEqualTo(404);
  }

  @Test
  void wrongMethodIs405ListingTheAllowedMethods() {
    Response response = app.call(HttpMethod.PUT, "/items");
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.header("Allow")).isEqualTo("GET, HEAD, POST");

    Response user = app.call(HttpMethod.PATCH, "/users/alice");
    assertThat(user.status()).isEqualTo(405);
    assertThat(user.header("Allow")).isEqualTo("POST, DELETE");
  }

  @Test
  void aMethodMismatchOnAMoreSpecificRouteFallsBackToALessSpecificOne() {
    assertThat(app.call(HttpMethod.POST, "/users/me").bodyText()).isEqualTo("update:me");
    Response allowed = app.call(HttpMethod.PUT, "/users/me");
    assertThat(allowed.status()).isEqualTo(405);
    assertThat(allowed.header("Allow")).isEqualTo("GET, HEAD, POST, DELETE");
  }

  @Test
  void headIsAnsweredByGetRoutesUnlessAHeadRouteExists() {
    Response viaGet = app.call(HttpMethod.HEAD, "/items/42");
    assertThat(viaGet.status()).isEqualTo(200);
    assertThat(dispatchedRoute(HttpMethod.HEAD, "/items/42").method()).isEqualTo(HttpMethod.GET);

    Response explicit = app.call(HttpMethod.HEAD, "/head");
    assertThat(explicit.header("X-Head")).isEqualTo("explicit");
    assertThat(app.get("/head").bodyText()).isEqualTo("get body");
  }

  @Test
  void bindsQueryHeaderAndCookieParametersWithConversions() {
    assertThat(app.get("/search?query=asyncio+stack&locale=uk_UA&exact=yes").bodyText())
        .isEqualTo("asyncio stack|uk_UA|true");
    assertThat(app.get("/search?query=a%26b&exact=0").bodyText()).isEqualTo("a&b|-|false");
    assertThat(app.get("/items?page=3&tag=a&tag=b&color=red").bodyText())
        .isEqualTo("[{\"id\":3,\"name\":\"[a, b]/RED\"}]");
    assertThat(app.get("/items").bodyText()).isEqualTo("[{\"id\":1,\"name\":\"[]/-\"}]");

    Request request = InMemory.request(HttpMethod.GET, "/whoami")
        .header("x-user", "alice")
        .header("Accept", "text/html")
        .header("Accept", "application/json")
        .header("Cookie", "theme=dark; session=s3cr3t")
        .build();
    assertThat(app.call(request).bodyText()).isEqualTo("alice|[text/html, application/json]|s3cr3t");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "/items?page=abc             | query parameter 'page': expected an integer, got \"abc\"",
      "/items?page=99999999999     | query parameter 'page': expected an integer",
      "/items?color=blue           | query parameter 'color': expected one of RED, GREEN, got \"blue\"",
      "/search?exact=true          | missing required query parameter 'query'",
      "/search?query=x&exact=maybe | query parameter 'exact': expected a boolean",
      "/whoami                     | missing required header 'X-User'",
      "/search?query=%ZZ&exact=1   | malformed query string",
  })
  void badQueryHeaderOrCookieValuesAre400NamingTheParameter(String target, String message) {
    Response response = app.get(target);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains(message);
  }

  @Test
  void malformedPercentEncodingInThePathIs400() {
    assertThatThrownBy(() -> InMemory.of(HttpMethod.GET, "/items/%G1"))
        .isInstanceOfSatisfying(HttpError.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThat(app.get("/users/%FF%FE/repos/x").status()).isEqualTo(400); // not UTF-8
  }

  @Test
  void turnsReturnValuesIntoResponses() {
    Response text = app.get("/items/new");
    assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");

    Response json = app.get("/items");
    assertThat(json.contentType()).isEqualTo("application/json");

    Response bytes = app.get("/bytes");
    assertThat(bytes.contentType()).isEqualTo("application/octet-stream");
    assertThat(bytes.bytes()).containsExactly(1, 2, 3);

    assertThat(app.call(HttpMethod.DELETE, "/users/bob").status()).isEqualTo(204);
    assertThat(app.get("/async?value=v").bodyText()).isEqualTo("async:v");
    assertThat(app.get("/async-json").bodyText()).isEqualTo("{\"id\":1,\"name\":\"a\"}");
    assertThat(app.call(HttpMethod.POST, "/async-void").status()).isEqualTo(204);

    Response redirect = app.call(HttpMethod.POST, "/items");
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).isEqualTo("/items/7");

    Response error = app.get("/fail");
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.bodyText()).isEqualTo("already there");
  }

  @Test
  void decidesPerRouteWhetherTheHandlerBlocks() {
    Map<String, Boolean> blocking = app.router.routes().stream()
        .collect(Collectors.toMap(RouteInfo::template, RouteInfo::blocking, (a, b) -> a && b));
    assertThat(blocking).containsEntry("/items/{id:\\d+}", true)
        .containsEntry("/async", false)
        .containsEntry("/async-json", false)
        .containsEntry("/fast", false);
  }

  @Test
  void exposesEveryRouteWithItsNameAndHandler() {
    RouteInfo item = app.router.routes().stream().filter(r -> r.name().equals("item")).findFirst().orElseThrow();
    assertThat(item.method()).isEqualTo(HttpMethod.GET);
    assertThat(item.template()).isEqualTo("/items/{id:\\d+}");
    assertThat(item.handler()).isEqualTo("shop.Catalog#item(long)");
    assertThat(item.pathParams()).containsExactly("id");
    assertThat(app.router.routes()).hasSize(33);
  }

  private RouteInfo dispatchedRoute(HttpMethod method, String target) {
    var match = app.router.newMatch();
    Request request = InMemory.of(method, target);
    assertThat(app.router.match(method, request.path(), match)).isTrue();
    return match.endpoint().route();
  }
}
