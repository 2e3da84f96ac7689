package shop;

import dev.kiln.Url;
import dev.kiln.client.Client;
import dev.kiln.client.ClientRequest;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Generated;

/**
 * Typed calls of the named routes of {@link ShopApp}, through the outbound {@link Client}: each takes the
 * parameters its handler declares and completes with its result, or fails with a
 * {@code ProblemException} (a 422's violations included) or a {@code StatusException}.
 *
 * <pre>{@code
 * ShopAppClient api = new ShopAppClient(client, URI.create("http://127.0.0.1:8080"));
 * }</pre>
 *
 * <p>Routes without a name get no method; name them with {@code @Route(name = ...)}:
 * {@code GET /items/new},
 * {@code POST /items},
 * {@code GET /items},
 * {@code GET /counts/{n}},
 * {@code GET /users/me},
 * {@code POST /users/{user}},
 * {@code DELETE /users/{user}},
 * {@code GET /slash/},
 * {@code GET /slash},
 * {@code GET /whoami},
 * {@code GET /bytes},
 * {@code GET /async},
 * {@code GET /async-json},
 * {@code POST /async-void},
 * {@code GET /fast},
 * {@code GET /head},
 * {@code HEAD /head},
 * {@code GET /fail},
 * {@code GET /report},
 * {@code GET /report},
 * {@code GET /}.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.ShopApp"
)
public final class ShopAppClient {
  private final Client client;

  private final String base;

  private final UnaryOperator<ClientRequest> everyCall;

  /**
   * Calls the application at {@code base} ({@code http://127.0.0.1:8080}) through {@code client}.
   */
  public ShopAppClient(Client client, URI base) {
    this(client, base.toString().replaceAll("/+$", ""), UnaryOperator.identity());
  }

  private ShopAppClient(Client client, String base, UnaryOperator<ClientRequest> everyCall) {
    this.client = Objects.requireNonNull(client, "client");
    this.base = base;
    this.everyCall = everyCall;
  }

  /**
   * This client, with {@code customize} applied to each call before it is sent: a header,
   * a timeout. Applied after what it was given before.
   */
  public ShopAppClient withEveryCall(UnaryOperator<ClientRequest> customize) {
    Objects.requireNonNull(customize, "customize");
    return new ShopAppClient(client, base, request -> customize.apply(everyCall.apply(request)));
  }

  private ClientRequest newCall(String method, Url url) {
    return client.request(method, URI.create(base + url));
  }

  private ClientRequest send(ClientRequest request) {
    return everyCall.apply(request);
  }

  /**
   * {@code GET /items/{slug}}, handled by {@link Catalog#itemBySlug(String)}.
   */
  public CompletionStage<String> itemBySlug(String slug) {
    Url url = ShopAppUrls.itemBySlug(slug);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /items/{id:\d+}}, handled by {@link Catalog#item(long)}.
   */
  public CompletionStage<String> item(long id) {
    Url url = ShopAppUrls.item(id);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /files/{name}}, handled by {@link Catalog#file(String)}.
   */
  public CompletionStage<String> file(String name) {
    Url url = ShopAppUrls.file(name);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /files/{path:.*}}, handled by {@link Catalog#tree(String)}.
   */
  public CompletionStage<String> tree(String path) {
    Url url = ShopAppUrls.tree(path);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /orders/{orderId}}, handled by {@link Catalog#order(long)}.
   */
  public CompletionStage<String> order(long orderId) {
    Url url = ShopAppUrls.order(orderId);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /ids/{id}}, handled by {@link Catalog#uuid(UUID)}.
   */
  public CompletionStage<String> byUuid(UUID id) {
    Url url = ShopAppUrls.byUuid(id);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /colors/{color}}, handled by {@link Catalog#color(Catalog.Color)}.
   */
  public CompletionStage<String> color(Catalog.Color color) {
    Url url = ShopAppUrls.color(color);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /ratio/{value}}, handled by {@link Catalog#ratio(double)}.
   */
  public CompletionStage<String> ratio(double value) {
    Url url = ShopAppUrls.ratio(value);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /flags/{on}}, handled by {@link Catalog#flag(boolean)}.
   */
  public CompletionStage<String> flag(boolean on) {
    Url url = ShopAppUrls.flag(on);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /users/{user}/repos/{repo}}, handled by {@link Catalog#repo(String, String)}.
   */
  public CompletionStage<String> repo(String user, String repo) {
    Url url = ShopAppUrls.repo(user, repo);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /café}, handled by {@link Catalog#cafe()}.
   */
  public CompletionStage<String> cafe() {
    Url url = ShopAppUrls.cafe();
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }

  /**
   * {@code GET /search}, handled by {@link Catalog#search(String, Optional, boolean)}.
   */
  public CompletionStage<String> search(String query, Optional<String> locale, boolean exact) {
    Url url = ShopAppUrls.search(query, exact);
    url = url.withQuery("locale", locale);
    ClientRequest request = newCall("GET", url);
    return send(request).asText();
  }
}
