package dev.kiln.processor.reading;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for names: the closest candidate by edit distance, if it is close enough. */
public final class Suggestions {
  private Suggestions() {}

  /** The candidate closest to {@code name}, or {@code null} when none is plausibly meant. */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = candidate.equalsIgnoreCase(name)
          ? 0
          : distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT)) + 1;
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
