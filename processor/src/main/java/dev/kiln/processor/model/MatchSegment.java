package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * What one template segment matches, without the parameter's name: two routes whose segments are
 * equal here share a node of the dispatch trie.
 *
 * @param level how specific the segment is
 * @param literal for a literal, its canonical percent-encoded text (what the request path holds)
 * @param regex the parameter's regex, or {@code null}
 * @param type the parameter's type ({@link ValueType#STRING} when it does not narrow)
 * @param typeName the parameter's Java type, to tell enums apart
 * @param enumConstants an enum parameter's constants
 */
public record MatchSegment(
    Level level, String literal, String regex, ValueType type, TypeName typeName, List<String> enumConstants) {

  /** Specificity, most specific first; matching tries children in this order. */
  public enum Level {
    LITERAL,
    CONSTRAINED,
    PLAIN,
    TAIL
  }

  public static MatchSegment literal(String canonical) {
    return new MatchSegment(Level.LITERAL, canonical, null, null, null, List.of());
  }

  public boolean isParam() {
    return level != Level.LITERAL;
  }

  /** A short description for messages: {@code projects}, {@code {:\d+}}, {@code {long}}. */
  public String describe() {
    if (level == Level.LITERAL) {
      return literal;
    }
    String typeText = type == ValueType.STRING ? "" : typeName.toString();
    return "{" + (regex == null ? "" : ":" + regex) + (typeText.isEmpty() ? "" : " " + typeText) + "}";
  }
}
