package dev.kiln.sample.views;

import dev.kiln.Query;
import dev.kiln.Request;
import dev.kiln.Route;
import dev.kiln.sample.SampleApp;
import dev.kiln.sample.SampleSettings;
import java.util.Optional;

/** The talk's first handlers: hello world and a search reading GET data. */
public final class IndexViews {
  @Route(path = "/", name = "index")
  public String index() {
    return "Hello, world!";
  }

  /**
   * {@code /search?query=kiln&locale=uk_UA}: the talk's {@code request.GET['query']}, the locale
   * defaulting to the settings' (its {@code request.app['settings']}).
   */
  @Route(path = "/search", name = "search")
  public String search(@Query String query, @Query Optional<String> locale, Request request) {
    String fallback = request.app().find(SampleApp.SETTINGS).map(SampleSettings::defaultLocale).orElse("en_US");
    return "Searching for \"" + query + "\" in " + locale.orElse(fallback);
  }
}
