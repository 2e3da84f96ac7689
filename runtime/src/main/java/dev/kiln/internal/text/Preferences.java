package dev.kiln.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A header listing preferences with quality values ({@code Accept}, {@code Accept-Encoding}):
 * {@code gzip;q=0.5, deflate} as (gzip, 0.5), (deflate, 1). Tokens are lower-cased; a malformed
 * quality, or one outside 0 to 1, counts as 0 (not acceptable); empty elements ({@code ;}, {@code ,,})
 * are skipped. The header is the client's: nothing in it may fail the request.
 */
public final class Preferences {
  public record Preference(String token, double quality) {}

  private Preferences() {}

  public static List<Preference> parse(String header) {
    List<Preference> preferences = new ArrayList<>();
    if (header == null) {
      return preferences;
    }
    for (String part : header.split(",")) {
      String[] pieces = part.split(";", -1); // ";" alone is two empty pieces, not none
      String token = pieces[0].strip().toLowerCase(Locale.ROOT);
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].strip();
        if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
          quality = quality(parameter.substring(2));
        }
      }
      if (!token.isEmpty()) {
        preferences.add(new Preference(token, quality));
      }
    }
    return preferences;
  }

  /** {@code qvalue} (RFC 9110 §12.4.2): 0 to 1 with up to three decimals; anything else is 0. */
  private static double quality(String text) {
    if (text.isEmpty() || text.length() > 5 || !(text.charAt(0) == '0' || text.charAt(0) == '1')) {
      return 0;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (i == 1 ? c != '.' : (c < '0' || c > '9')) {
        return 0;
      }
    }
    double value = Double.parseDouble(text);
    return value <= 1 ? value : 0;
  }
}
