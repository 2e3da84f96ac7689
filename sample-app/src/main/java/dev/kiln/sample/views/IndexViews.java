package dev.kiln.sample.views;

import dev.kiln.Query;
import dev.kiln.Route;
import java.util.Optional;

/** The talk's first handlers: hello world and a search reading GET data. */
public final class IndexViews {
  @Route(path = "/", name = "index")
  public String index() {
    return "Hello, world!";
  }

  /** {@code /search?query=kiln&locale=uk_UA}: the talk's {@code request.GET['query']}. */
  @Route(path = "/search", name = "search")
  public String search(@Query String query, @Query Optional<String> locale) {
    return "Searching for \"" + query + "\" in " + locale.orElse("en_US");
  }
}
