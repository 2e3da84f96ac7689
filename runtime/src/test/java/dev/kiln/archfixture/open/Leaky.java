package dev.kiln.archfixture.open;

import dev.kiln.archfixture.internal.Hidden;
import java.util.List;

/** Breaks the public-API rule on purpose: an internal type returned and taken; a private use is fine. */
public final class Leaky {
  public Hidden leak() {
    return new Hidden();
  }

  public void take(List<Hidden> hidden) {}

  private Hidden keep() {
    return new Hidden();
  }
}
