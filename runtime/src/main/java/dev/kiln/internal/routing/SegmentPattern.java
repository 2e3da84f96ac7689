package dev.kiln.internal.routing;

import java.util.regex.Pattern;

/**
 * A path parameter's regex, compiled once in the generated table, with the slot its cached
 * {@link java.util.regex.Matcher} takes in a {@link RouteMatch}.
 */
public final class SegmentPattern {
  private final int slot;
  private final Pattern pattern;

  private SegmentPattern(int slot, Pattern pattern) {
    this.slot = slot;
    this.pattern = pattern;
  }

  /** Compiles {@code regex}; {@code slot} is unique within one table, from 0. */
  public static SegmentPattern compile(int slot, String regex) {
    return new SegmentPattern(slot, Pattern.compile(regex));
  }

  int slot() {
    return slot;
  }

  public Pattern pattern() {
    return pattern;
  }

  @Override
  public String toString() {
    return pattern.pattern();
  }
}
