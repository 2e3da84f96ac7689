package dev.kiln.middleware;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header listing preferences with quality values ({@code Accept}, {@code Accept-Encoding}):
 * {@code gzip;q=0.5, deflate} as (gzip, 0.5), (deflate, 1). Tokens are lower-cased; a malformed
 * quality counts as 0 (not acceptable).
 */
final class Preferences {
  record Preference(String token, double quality) {}

  private Preferences() {}

  static List<Preference> parse(String header) {
    List<Preference> preferences = new ArrayList<>();
    if (header == null) {
      return preferences;
    }
    for (String part : header.split(",")) {
      String[] pieces = part.split(";");
      String token = pieces[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip();
        if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (!token.isEmpty()) {
        preferences.add(new Preference(token, quality));
      }
    }
    return preferences;
  }
}
