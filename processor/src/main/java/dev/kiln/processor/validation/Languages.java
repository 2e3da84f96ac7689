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
  private static final String DECIMAL = "\\-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][\\-+]?[0-9]+)?";
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
      case INT: return integer(Integer.MAX_VALUE, Integer.MIN_VALUE);
      case LONG: return integer(Long.MAX_VALUE, Long.MIN_VALUE);
      case DOUBLE: return new RegExp(DECIMAL, RegExp.NONE).toAutomaton();
      case UUID: return new RegExp(UUID, RegExp.NONE).toAutomaton();
      case BOOLEAN: return ignoringCase(List.of("true", "false"));
      case ENUM: return ignoringCase(enumConstants);
      default: throw new AssertionError(type);
    }
  }

  /** What {@link dev.kiln.grammar.Values#isLong} accepts between the bounds: range included, so a literal too big for an int is not an int. */
  private static Automaton integer(long max, long min) {
    return atMost(String.valueOf(max))
        .union(BasicAutomata.makeChar('-').concatenate(atMost(String.valueOf(min).substring(1))));
  }

  /** Unsigned decimal strings, leading zeros allowed, whose value is at most {@code limit}. */
  private static Automaton atMost(String limit) {
    Automaton digit = BasicAutomata.makeCharRange('0', '9');
    int length = limit.length();
    Automaton fits = digit.repeat(1, length - 1).union(BasicAutomata.makeString(limit));
    for (int i = 0; i < length; i++) {
      char d = limit.charAt(i);
      if (d > '0') { // the limit's first i digits, a smaller digit, then any digits
        fits = fits.union(BasicAutomata.makeString(limit.substring(0, i))
            .concatenate(BasicAutomata.makeCharRange('0', (char) (d - 1)))
            .concatenate(digit.repeat(length - i - 1, length - i - 1)));
      }
    }
    return BasicAutomata.makeChar('0').repeat().concatenate(fits);
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
