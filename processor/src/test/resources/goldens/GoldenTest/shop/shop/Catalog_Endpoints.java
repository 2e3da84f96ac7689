package shop;

import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.Json;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.routing.Converters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * Binding code for the routes of {@link Catalog}: converts request values to the handler's
 * parameters and its result to a {@link Response}. Called from the application's generated table.
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.Catalog"
)
public final class Catalog_Endpoints {
  private static final Catalog.Color[] COLOR_CONSTANTS = Catalog.Color.values();

  private Catalog_Endpoints() {
  }

  /**
   * Binds {@code GET /items/{slug}} to {@link Catalog#itemBySlug(String)}.
   */
  public static Response itemBySlug(Catalog handler, Request request) throws Exception {
    String slug = request.pathParam(0);
    return Response.text(handler.itemBySlug(slug));
  }

  /**
   * Binds {@code GET /items/{id:\d+}} to {@link Catalog#item(long)}.
   */
  public static Response item(Catalog handler, Request request) throws Exception {
    long id = Converters.toLong(request.pathParam(0), "path parameter 'id'");
    return Response.text(handler.item(id));
  }

  /**
   * Binds {@code GET /items/new} to {@link Catalog#newItem()}.
   */
  public static Response newItem(Catalog handler, Request request) throws Exception {
    return Response.text(handler.newItem());
  }

  /**
   * Binds {@code POST /items} to {@link Catalog#create(Request)}.
   */
  public static Response create(Catalog handler, Request request) throws Exception {
    return handler.create(request);
  }

  /**
   * Binds {@code GET /items} to {@link Catalog#items(Optional, List, Optional)}.
   */
  public static Response items(Catalog handler, Request request) throws Exception {
    String pageText = request.queryParam("page");
    Optional<Integer> page = pageText == null ? Optional.empty() : Optional.of(Converters.toInt(pageText, "query parameter 'page'"));
    List<String> tags = request.queryParams("tag");
    String colorText = request.queryParam("color");
    Optional<Catalog.Color> color = colorText == null ? Optional.empty() : Optional.of(Converters.toEnum(COLOR_CONSTANTS, colorText, "query parameter 'color'"));
    return Response.json(JsonTypes.LIST_ITEM_JSON, handler.items(page, tags, color));
  }

  /**
   * Binds {@code GET /files/{name}} to {@link Catalog#file(String)}.
   */
  public static Response file(Catalog handler, Request request) throws Exception {
    String name = request.pathParam(0);
    return Response.text(handler.file(name));
  }

  /**
   * Binds {@code GET /files/{path:.*}} to {@link Catalog#tree(String)}.
   */
  public static Response tree(Catalog handler, Request request) throws Exception {
    String path = request.pathParam(0);
    return Response.text(handler.tree(path));
  }

  /**
   * Binds {@code GET /orders/{orderId}} to {@link Catalog#order(long)}.
   */
  public static Response order(Catalog handler, Request request) throws Exception {
    long orderId = Converters.toLong(request.pathParam(0), "path parameter 'orderId'");
    return Response.text(handler.order(orderId));
  }

  /**
   * Binds {@code GET /counts/{n}} to {@link Catalog#count(int)}.
   */
  public static Response count(Catalog handler, Request request) throws Exception {
    int n = Converters.toInt(request.pathParam(0), "path parameter 'n'");
    return Response.text(handler.count(n));
  }

  /**
   * Binds {@code GET /ids/{id}} to {@link Catalog#uuid(UUID)}.
   */
  public static Response uuid(Catalog handler, Request request) throws Exception {
    UUID id = Converters.toUuid(request.pathParam(0), "path parameter 'id'");
    return Response.text(handler.uuid(id));
  }

  /**
   * Binds {@code GET /colors/{color}} to {@link Catalog#color(Catalog.Color)}.
   */
  public static Response color(Catalog handler, Request request) throws Exception {
    Catalog.Color color = Converters.toEnum(COLOR_CONSTANTS, request.pathParam(0), "path parameter 'color'");
    return Response.text(handler.color(color));
  }

  /**
   * Binds {@code GET /ratio/{value}} to {@link Catalog#ratio(double)}.
   */
  public static Response ratio(Catalog handler, Request request) throws Exception {
    double value = Converters.toDouble(request.pathParam(0), "path parameter 'value'");
    return Response.text(handler.ratio(value));
  }

  /**
   * Binds {@code GET /flags/{on}} to {@link Catalog#flag(boolean)}.
   */
  public static Response flag(Catalog handler, Request request) throws Exception {
    boolean on = Converters.toBoolean(request.pathParam(0), "path parameter 'on'");
    return Response.text(handler.flag(on));
  }

  /**
   * Binds {@code GET /users/{user}/repos/{repo}} to {@link Catalog#repo(String, String)}.
   */
  public static Response repo(Catalog handler, Request request) throws Exception {
    String user = request.pathParam(0);
    String repo = request.pathParam(1);
    return Response.text(handler.repo(user, repo));
  }

  /**
   * Binds {@code GET /users/me} to {@link Catalog#me()}.
   */
  public static Response me(Catalog handler, Request request) throws Exception {
    return Response.text(handler.me());
  }

  /**
   * Binds {@code POST /users/{user}} to {@link Catalog#updateUser(String)}.
   */
  public static Response updateUser(Catalog handler, Request request) throws Exception {
    String user = request.pathParam(0);
    return Response.text(handler.updateUser(user));
  }

  /**
   * Binds {@code DELETE /users/{user}} to {@link Catalog#deleteUser(String)}.
   */
  public static Response deleteUser(Catalog handler, Request request) throws Exception {
    String user = request.pathParam(0);
    handler.deleteUser(user);
    return Response.noContent();
  }

  /**
   * Binds {@code GET /café} to {@link Catalog#cafe()}.
   */
  public static Response cafe(Catalog handler, Request request) throws Exception {
    return Response.text(handler.cafe());
  }

  /**
   * Binds {@code GET /slash/} to {@link Catalog#trailing()}.
   */
  public static Response trailing(Catalog handler, Request request) throws Exception {
    return Response.text(handler.trailing());
  }

  /**
   * Binds {@code GET /slash} to {@link Catalog#noTrailing()}.
   */
  public static Response noTrailing(Catalog handler, Request request) throws Exception {
    return Response.text(handler.noTrailing());
  }

  /**
   * Binds {@code GET /search} to {@link Catalog#search(String, Optional, boolean)}.
   */
  public static Response search(Catalog handler, Request request) throws Exception {
    String query = Converters.required(request.queryParam("query"), "query parameter 'query'");
    Optional<String> locale = Optional.ofNullable(request.queryParam("locale"));
    boolean exact = Converters.toBoolean(Converters.required(request.queryParam("exact"), "query parameter 'exact'"), "query parameter 'exact'");
    return Response.text(handler.search(query, locale, exact));
  }

  /**
   * Binds {@code GET /whoami} to {@link Catalog#whoami(String, List, Optional)}.
   */
  public static Response whoami(Catalog handler, Request request) throws Exception {
    String user = Converters.required(request.header("X-User"), "header 'X-User'");
    List<String> accept = request.headers("Accept");
    Optional<String> session = Optional.ofNullable(request.cookie("session"));
    return Response.text(handler.whoami(user, accept, session));
  }

  /**
   * Binds {@code GET /bytes} to {@link Catalog#bytes()}.
   */
  public static Response bytes(Catalog handler, Request request) throws Exception {
    return Response.bytes(handler.bytes());
  }

  /**
   * Binds {@code GET /async} to {@link Catalog#async(String)}.
   */
  public static CompletionStage<Response> async(Catalog handler, Request request) {
    String value = Converters.required(request.queryParam("value"), "query parameter 'value'");
    return handler.async(value).thenApply(result -> Response.text(result));
  }

  /**
   * Binds {@code GET /async-json} to {@link Catalog#asyncJson()}.
   */
  public static CompletionStage<Response> asyncJson(Catalog handler, Request request) {
    return handler.asyncJson().thenApply(result -> Response.json(JsonTypes.ITEM_JSON, result));
  }

  /**
   * Binds {@code POST /async-void} to {@link Catalog#asyncVoid()}.
   */
  public static CompletionStage<Response> asyncVoid(Catalog handler, Request request) {
    return handler.asyncVoid().thenApply(result -> Response.noContent());
  }

  /**
   * Binds {@code GET /fast} to {@link Catalog#fast()}.
   */
  public static CompletionStage<Response> fast(Catalog handler, Request request) throws Exception {
    return CompletableFuture.completedFuture(Response.text(handler.fast()));
  }

  /**
   * Binds {@code GET /head} to {@link Catalog#headGet()}.
   */
  public static Response headGet(Catalog handler, Request request) throws Exception {
    return Response.text(handler.headGet());
  }

  /**
   * Binds {@code HEAD /head} to {@link Catalog#head()}.
   */
  public static Response head(Catalog handler, Request request) throws Exception {
    return handler.head();
  }

  /**
   * Binds {@code GET /fail} to {@link Catalog#fail()}.
   */
  public static Response fail(Catalog handler, Request request) throws Exception {
    return Response.text(handler.fail());
  }

  /**
   * Binds {@code GET /report} to {@link Catalog#reportPage()}.
   */
  public static Response reportPage(Catalog handler, Request request) throws Exception {
    return handler.reportPage();
  }

  /**
   * Binds {@code GET /report} to {@link Catalog#report()}.
   */
  public static Response report(Catalog handler, Request request) throws Exception {
    return Response.json(JsonTypes.ITEM_JSON, handler.report());
  }

  /**
   * Binds {@code GET /} to {@link Catalog#index()}.
   */
  public static Response index(Request request) throws Exception {
    return Response.text(Catalog.index());
  }

  /**
   * JSON types of bodies and results, made on first use: an application that serves no JSON
   * yet does not start Jackson (a few hundred milliseconds) before its first response. The app's
   * codec resolves one reader or writer per type.
   */
  private static final class JsonTypes {
    static final JavaType LIST_ITEM_JSON = Json.type(List.class, Json.type(Catalog.Item.class));

    static final JavaType ITEM_JSON = Json.type(Catalog.Item.class);
  }
}
