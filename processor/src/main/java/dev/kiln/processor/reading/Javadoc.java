package dev.kiln.processor.reading;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Javadoc comments as plain text for the OpenAPI document. */
public final class Javadoc {
  private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|literal|link|linkplain|value)\\s+([^}]*)}");
  private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");

  private Javadoc() {}

  /**
   * The comment's main description: block tags ({@code @param}…) left out, {@code {@code x}} as
   * {@code `x`}, links as their target's text, HTML tags removed. Empty for {@code null}.
   */
  public static String description(String comment) {
    if (comment == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String line : comment.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("@")) {
        break;
      }
      text.append(stripped.isEmpty() ? "\n\n" : stripped + " ");
    }
    Matcher inline = INLINE_TAG.matcher(text.toString());
    StringBuilder plain = new StringBuilder();
    while (inline.find()) {
      String content = inline.group(1).strip();
      boolean code = inline.group().startsWith("{@code") || inline.group().startsWith("{@literal");
      if (!code) {
        int space = content.indexOf(' ');
        content = space >= 0 ? content.substring(space + 1) : content.replace('#', '.');
      }
      inline.appendReplacement(plain, Matcher.quoteReplacement(code ? "`" + content + "`" : content));
    }
    inline.appendTail(plain);
    return HTML_TAG.matcher(plain.toString()).replaceAll("")
        .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").replaceAll(" {2,}", " ").strip();
  }

  /** The {@code @param} descriptions of a comment by name: a record's components. */
  public static java.util.Map<String, String> params(String comment) {
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    if (comment == null) {
      return params;
    }
    String current = null;
    StringBuilder text = new StringBuilder();
    for (String line : (comment + "\n@end").split("\n")) {
      String stripped = line.strip();
      if (stripped.startsWith("@")) {
        if (current != null) {
          params.put(current, description(text.toString()));
        }
        current = null;
        text.setLength(0);
        String[] parts = stripped.split("\\s+", 3);
        if (parts[0].equals("@param") && parts.length > 1) {
          current = parts[1];
          text.append(parts.length > 2 ? parts[2] : "");
        }
      } else if (current != null) {
        text.append(' ').append(stripped);
      }
    }
    return params;
  }

  /** The first sentence, as an OpenAPI summary. */
  public static String summary(String description) {
    int end = description.indexOf(". ");
    int paragraph = description.indexOf("\n\n");
    int cut = end < 0 ? paragraph : paragraph < 0 ? end + 1 : Math.min(end + 1, paragraph);
    return (cut < 0 ? description : description.substring(0, cut)).replace('\n', ' ').strip();
  }
}
