package shop;

import dev.kiln.Url;
import dev.kiln.internal.routing.UrlArguments;
import dev.kiln.internal.routing.UrlSegments;
import dev.kiln.internal.text.PercentCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.annotation.processing.Generated;

/**
 * Type-safe URLs for the named routes of {@link ShopApp}.
 *
 * <pre>{@code
 * Url url = ShopAppUrls.itemBySlug(slug).withQuery("page", 2);
 * }</pre>
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from shop.ShopApp"
)
public final class ShopAppUrls {
  private static final Pattern ID_PATTERN = Pattern.compile("\\d+");

  private static final Pattern PATH_PATTERN = Pattern.compile(".*");

  private ShopAppUrls() {
  }

  /**
   * {@code GET /items/{slug}}, handled by {@link Catalog#itemBySlug(String)}.
   */
  public static Url itemBySlug(String slug) {
    String slugSegment = UrlSegments.segment(slug, "slug");
    String path = "/items/" + slugSegment;
    if (ID_PATTERN.matcher(slug).matches()) {
      throw UrlSegments.takenBy(path, "itemBySlug", "GET /items/{id:\\d+} (Catalog#item)");
    }
    if (slugSegment.equals("new")) {
      throw UrlSegments.takenBy(path, "itemBySlug", "GET /items/new (Catalog#newItem)");
    }
    return Url.of(path);
  }

  /**
   * {@code GET /items/{id:\d+}}, handled by {@link Catalog#item(long)}.
   */
  public static Url item(long id) {
    return Url.of("/items/" + UrlSegments.segment(String.valueOf(id), ID_PATTERN, "id"));
  }

  /**
   * {@code GET /files/{name}}, handled by {@link Catalog#file(String)}.
   */
  public static Url file(String name) {
    return Url.of("/files/" + UrlSegments.segment(name, "name"));
  }

  /**
   * {@code GET /files/{path:.*}}, handled by {@link Catalog#tree(String)}.
   */
  public static Url tree(String path) {
    return Url.of("/files/" + UrlSegments.tail(path, PATH_PATTERN, "path"));
  }

  /**
   * {@code GET /orders/{orderId}}, handled by {@link Catalog#order(long)}.
   */
  public static Url order(long orderId) {
    return Url.of("/orders/" + String.valueOf(orderId));
  }

  /**
   * {@code GET /ids/{id}}, handled by {@link Catalog#uuid(UUID)}.
   */
  public static Url byUuid(UUID id) {
    return Url.of("/ids/" + id.toString());
  }

  /**
   * {@code GET /colors/{color}}, handled by {@link Catalog#color(Catalog.Color)}.
   */
  public static Url color(Catalog.Color color) {
    return Url.of("/colors/" + PercentCodec.encodeSegment(color.name()));
  }

  /**
   * {@code GET /ratio/{value}}, handled by {@link Catalog#ratio(double)}.
   */
  public static Url ratio(double value) {
    return Url.of("/ratio/" + UrlSegments.decimal(value, "value"));
  }

  /**
   * {@code GET /flags/{on}}, handled by {@link Catalog#flag(boolean)}.
   */
  public static Url flag(boolean on) {
    return Url.of("/flags/" + String.valueOf(on));
  }

  /**
   * {@code GET /users/{user}/repos/{repo}}, handled by {@link Catalog#repo(String, String)}.
   */
  public static Url repo(String user, String repo) {
    return Url.of("/users/" + UrlSegments.segment(user, "user") + "/repos/" + UrlSegments.segment(repo, "repo"));
  }

  /**
   * {@code GET /café}, handled by {@link Catalog#cafe()}.
   */
  public static Url cafe() {
    return Url.of("/caf%C3%A9");
  }

  /**
   * {@code GET /search}, handled by {@link Catalog#search(String, Optional, boolean)}.
   */
  public static Url search(String query, boolean exact) {
    return Url.of("/search")
        .withQuery("query", query)
        .withQuery("exact", exact);
  }

  /**
   * The URL of the route called {@code name}, for when the name is only known at run time;
   * {@code params} holds each path parameter and each required query parameter (by its name in
   * the query string), as its type or as text, and may hold the optional query parameters.
   *
   * @throws IllegalArgumentException for an unknown name, a missing or unknown parameter, or a
   *     value the route would not match
   */
  public static Url url(String name, Map<String, ?> params) {
    switch (name) {
      case "itemBySlug": {
        UrlArguments arguments = UrlArguments.of(name, params, "slug");
        return itemBySlug(arguments.string("slug"));
      }
      case "item": {
        UrlArguments arguments = UrlArguments.of(name, params, "id");
        return item(arguments.longValue("id"));
      }
      case "file": {
        UrlArguments arguments = UrlArguments.of(name, params, "name");
        return file(arguments.string("name"));
      }
      case "tree": {
        UrlArguments arguments = UrlArguments.of(name, params, "path");
        return tree(arguments.string("path"));
      }
      case "order": {
        UrlArguments arguments = UrlArguments.of(name, params, "orderId");
        return order(arguments.longValue("orderId"));
      }
      case "byUuid": {
        UrlArguments arguments = UrlArguments.of(name, params, "id");
        return byUuid(arguments.uuid("id"));
      }
      case "color": {
        UrlArguments arguments = UrlArguments.of(name, params, "color");
        return color(arguments.enumValue("color", Catalog.Color.values()));
      }
      case "ratio": {
        UrlArguments arguments = UrlArguments.of(name, params, "value");
        return ratio(arguments.doubleValue("value"));
      }
      case "flag": {
        UrlArguments arguments = UrlArguments.of(name, params, "on");
        return flag(arguments.booleanValue("on"));
      }
      case "repo": {
        UrlArguments arguments = UrlArguments.of(name, params, "user", "repo");
        return repo(arguments.string("user"), arguments.string("repo"));
      }
      case "cafe": {
        UrlArguments.of(name, params);
        return cafe();
      }
      case "search": {
        UrlArguments arguments = UrlArguments.of(name, params, List.of("query", "exact"), List.of("locale"));
        return search(arguments.string("query"), arguments.booleanValue("exact")).withQuery(arguments.present(List.of("locale")));
      }
    }
    throw new IllegalArgumentException("no route named \"" + name + "\"; named routes: byUuid, cafe, color, file, flag, item, itemBySlug, order, ratio, repo, search, tree");
  }
}
