package dev.kiln.processor.validation;

import dev.kiln.processor.model.ValueType;
import dk.brics.automaton.Automaton;
import dk.brics.automaton.BasicAutomata;
import dk.brics.automaton.RegExp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set of decoded strings a path segment matches, as a finite automaton: what lets the processor
 * decide (not guess) whether two routes can take the same request and whether one hides another.
 */
public final class Languages {
  private static final String DECIMAL = "[\\-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][\\-+]?[0-9]+)?";
  private static final String INTEGER = "\\-?[0-9]+";
  private static final String UUID =
      "[0-9a-fA-F]{8}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{4}\\-[0-9a-fA-F]{12}";

  private final Map<String, Automaton> regexCache = new HashMap<>();

  /** Any non-empty string: a plain parameter. */
  public static Automaton anySegment() {
    return BasicAutomata.makeAnyChar().concatenate(BasicAutomata.makeAnyString());
  }

  public static Automaton literal(String text) {
    return BasicAutomata.makeString(text);
  }

  /** The language of a Java regex, or {@code null} when it is outside the subset we can model. */
  public Automaton regex(String javaRegex) {
    return regexCache.computeIfAbsent(javaRegex, r -> {
      String brics = RegexTranslator.translate(r);
      if (brics == null) {
        return null;
      }
      try {
        return new RegExp(brics, RegExp.NONE).toAutomaton();
      } catch (IllegalArgumentException e) {
        return null;
      }
    });
  }

  /** What a typed path parameter narrows its segment to. */
  public static Automaton narrowing(ValueType type, List<String> enumConstants) {
    switch (type) {
      case STRING: return anySegment();
      case INT: case LONG: return new RegExp(INTEGER, RegExp.NONE).toAutomaton();
      case DOUBLE: return new RegExp(DECIMAL, RegExp.NONE).toAutomaton();
      case UUID: return new RegExp(UUID, RegExp.NONE).toAutomaton();
      case BOOLEAN: return ignoringCase(List.of("true", "false"));
      case ENUM: return ignoringCase(enumConstants);
      default: throw new AssertionError(type);
    }
  }

  private static Automaton ignoringCase(List<String> words) {
    Automaton union = BasicAutomata.makeEmpty();
    for (String word : words) {
      Automaton automaton = BasicAutomata.makeEmptyString();
      for (char c : word.toCharArray()) {
        char lower = Character.toLowerCase(c);
        char upper = Character.toUpperCase(c);
        automaton = automaton.concatenate(lower == upper
            ? BasicAutomata.makeChar(c)
            : BasicAutomata.makeChar(lower).union(BasicAutomata.makeChar(upper)));
      }
      union = union.union(automaton);
    }
    return union;
  }

  /** Whether some string of the language contains a '/': a last-segment regex that takes the rest of the path. */
  public static boolean spansSegments(Automaton language) {
    Automaton withSlash = BasicAutomata.makeAnyString()
        .concatenate(BasicAutomata.makeChar('/'))
        .concatenate(BasicAutomata.makeAnyString());
    return !language.intersection(withSlash).isEmpty();
  }

  /** Whether a regex the translator cannot model looks like it takes slashes, judged by examples. */
  public static boolean looksLikeTail(String javaRegex) {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(javaRegex);
    for (String example : new String[] {"a/b", "/", "a/", "/a", "1/2", "a/b/c"}) {
      if (pattern.matcher(example).matches()) {
        return true;
      }
    }
    return false;
  }

  /** The shortest string of a language, for "both match GET /x/0" hints; {@code null} when empty. */
  public static String example(Automaton language) {
    return language.getShortestExample(true);
  }
}
