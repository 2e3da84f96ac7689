package dev.kiln.internal.routing;

import dev.kiln.Request;
import dev.kiln.TypedKey;
import java.util.ArrayList;
import java.util.List;

/**
 * How long each middleware of a request's chain took, for the debug toolbar: from entering the
 * middleware to its answer, the middlewares and the handler inside it included. Off until a
 * toolbar turns it on for the process ({@link #enable()}); then every request's chain is timed into
 * its {@link #KEY} attribute. Off, a link of the chain pays one volatile read.
 */
public final class ChainTiming {
  public static final TypedKey<ChainTiming> KEY = TypedKey.of("chain timing", ChainTiming.class);
  private static volatile boolean enabled;

  /** A middleware's time, its inner ones included. */
  public record Step(int position, String middleware, long nanos) {}

  private final List<Step> steps = new ArrayList<>();

  /** Times every request's chain from now on, in this process. */
  public static void enable() {
    enabled = true;
  }

  static boolean enabled() {
    return enabled;
  }

  /** The request's timing, made if it has none. */
  static ChainTiming of(Request request) {
    ChainTiming timing = request.attribute(KEY);
    if (timing == null) {
      timing = new ChainTiming();
      request.attribute(KEY, timing);
    }
    return timing;
  }

  synchronized void record(int position, String middleware, long nanos) {
    steps.add(new Step(position, middleware, nanos));
  }

  /** The steps, outermost first. */
  public synchronized List<Step> steps() {
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort(java.util.Comparator.comparingInt(Step::position));
    return sorted;
  }
}
