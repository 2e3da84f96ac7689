package hello;

import dev.kiln.Url;
import dev.kiln.internal.routing.UrlArguments;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Type-safe URLs for the named routes of {@link HelloApp}.
 *
 * <pre>{@code
 * Url url = HelloAppUrls.v1().health().withQuery("page", 2);
 * }</pre>
 */
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.HelloApp"
)
public final class HelloAppUrls {
  private HelloAppUrls() {
  }

  /**
   * The routes named {@code v1.*}.
   */
  public static V1 v1() {
    return V1.INSTANCE;
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
      case "v1.health": {
        UrlArguments.of(name, params);
        return v1().health();
      }
    }
    throw new IllegalArgumentException("no route named \"" + name + "\"; named routes: v1.health");
  }

  /**
   * URLs of the routes named {@code v1.*}.
   */
  public static final class V1 {
    private static final V1 INSTANCE = new V1();

    private V1() {
    }

    /**
     * {@code GET /v1/health}, handled by {@link Health#health()}.
     */
    public Url health() {
      return Url.of("/v1/health");
    }
  }
}
