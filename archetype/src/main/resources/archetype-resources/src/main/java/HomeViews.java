package ${package};

import dev.kiln.Route;

/** The home page. */
public final class HomeViews {
  private final String greeting;

  public HomeViews(String greeting) {
    this.greeting = greeting;
  }

  @Route(path = "/", name = "home")
  public String home() {
    return greeting;
  }
}
