package dev.kiln.processor.validation;

/**
 * Translates a {@code java.util.regex} pattern into the syntax of dk.brics.automaton, so the
 * processor can decide whether two constraints overlap or one contains the other. Only the regular
 * subset is translated; anything whose language is not regular or not obvious (lookaround,
 * back-references, flags, possessive quantifiers, Unicode classes) yields {@code null}, and callers
 * then treat the language as unknown.
 */
final class RegexTranslator {
  private static final String DIGIT = "0-9";
  private static final String WORD = "a-zA-Z_0-9";
  private static final String SPACE = " \t\n\u000B\f\r";
  private static final String LINE_TERMINATORS = "\n\r\u0085\u2028\u2029";

  private final String regex;
  private final StringBuilder out = new StringBuilder();
  private int i;

  private RegexTranslator(String regex) {
    this.regex = regex;
  }

  /** The brics form of {@code regex}, or {@code null} when it uses something outside the regular subset. */
  static String translate(String regex) {
    if (regex.chars().anyMatch(c -> Character.isSurrogate((char) c))) {
      return null; // Java matches code points, the automaton UTF-16 units: not the same language
    }
    try {
      RegexTranslator translator = new RegexTranslator(regex);
      translator.run();
      return translator.out.toString();
    } catch (Unsupported e) {
      return null;
    }
  }

  private static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  private void run() throws Unsupported {
    int length = regex.length();
    if (regex.startsWith("^")) {
      i = 1; // matches() anchors anyway
    }
    boolean emptyBranch = true;
    while (i < length) {
      char c = regex.charAt(i);
      switch (c) {
        case '\\':
          i++;
          if (i >= length) {
            throw new Unsupported();
          }
          escape(regex.charAt(i));
          i++;
          emptyBranch = false;
          break;
        case '[':
          characterClass();
          emptyBranch = false;
          break;
        case '(':
          group();
          emptyBranch = true;
          break;
        case ')':
          if (emptyBranch) {
            out.append("()");
          }
          out.append(')');
          i++;
          quantifier();
          emptyBranch = false;
          break;
        case '|':
          if (emptyBranch) {
            out.append("()");
          }
          out.append('|');
          i++;
          emptyBranch = true;
          break;
        case '.':
          out.append("[^").append(escapeAll(LINE_TERMINATORS)).append(']');
          i++;
          quantifier();
          emptyBranch = false;
          break;
        case '*': case '+': case '?': case '{':
          if (emptyBranch) {
            throw new Unsupported();
          }
          quantifier();
          break;
        case '$':
          if (i == length - 1) {
            i++;
            break;
          }
          throw new Unsupported();
        case '^':
          throw new Unsupported();
        default:
          appendLiteral(c);
          i++;
          quantifier();
          emptyBranch = false;
      }
    }
    if (emptyBranch && out.length() > 0 && out.charAt(out.length() - 1) == '|') {
      out.append("()");
    }
  }

  private void group() throws Unsupported {
    i++;
    if (regex.startsWith("?:", i)) {
      i += 2;
    } else if (regex.startsWith("?<", i) && i + 2 < regex.length()
        && Character.isLetter(regex.charAt(i + 2))) {
      int close = regex.indexOf('>', i);
      if (close < 0) {
        throw new Unsupported();
      }
      i = close + 1; // a named group is just a group here
    } else if (i < regex.length() && regex.charAt(i) == '?') {
      throw new Unsupported(); // lookaround, atomic groups, inline flags
    }
    out.append('(');
  }

  private void quantifier() throws Unsupported {
    if (i >= regex.length()) {
      return;
    }
    char c = regex.charAt(i);
    if (c == '*' || c == '+' || c == '?') {
      out.append(c);
      i++;
    } else if (c == '{') {
      int close = regex.indexOf('}', i);
      if (close < 0) {
        throw new Unsupported();
      }
      String bounds = regex.substring(i + 1, close);
      if (!bounds.matches("\\d+(,\\d*)?")) {
        throw new Unsupported();
      }
      out.append('{').append(bounds).append('}');
      i = close + 1;
    } else {
      return;
    }
    if (i < regex.length() && regex.charAt(i) == '?') {
      i++; // a lazy quantifier matches the same language
    } else if (i < regex.length() && regex.charAt(i) == '+') {
      throw new Unsupported(); // possessive quantifiers can change the language
    }
    quantifier();
  }

  private void escape(char c) throws Unsupported {
    switch (c) {
      case 'd': out.append('[').append(DIGIT).append(']'); break;
      case 'D': out.append("[^").append(DIGIT).append(']'); break;
      case 'w': out.append('[').append(WORD).append(']'); break;
      case 'W': out.append("[^").append(WORD).append(']'); break;
      case 's': out.append('[').append(escapeAll(SPACE)).append(']'); break;
      case 'S': out.append("[^").append(escapeAll(SPACE)).append(']'); break;
      case 't': appendLiteral('\t'); break;
      case 'n': appendLiteral('\n'); break;
      case 'r': appendLiteral('\r'); break;
      case 'f': appendLiteral('\f'); break;
      case 'Q': {
        // Each quoted character stands alone: a quantifier after \E applies to the last one only.
        int end = regex.indexOf("\\E", i);
        String quoted = regex.substring(i + 1, end < 0 ? regex.length() : end);
        quoted.chars().forEach(q -> appendLiteral((char) q));
        i = end < 0 ? regex.length() - 1 : end + 1;
        break;
      }
      default:
        if (Character.isLetterOrDigit(c)) {
          throw new Unsupported(); // word boundaries, Unicode classes, back-references, hex escapes
        }
        appendLiteral(c);
    }
  }

  private void characterClass() throws Unsupported {
    i++;
    StringBuilder members = new StringBuilder();
    boolean negated = i < regex.length() && regex.charAt(i) == '^';
    if (negated) {
      i++;
    }
    boolean first = true;
    boolean afterShorthand = false; // "[\\s-.]": a '-' after \\s, \\d or \\w is a literal, not a range
    while (i < regex.length()) {
      char c = regex.charAt(i);
      if (c == ']' && !first) {
        break;
      }
      first = false;
      boolean shorthand = false;
      if (c == '[' || (c == '&' && regex.startsWith("&&", i))) {
        throw new Unsupported(); // unions and intersections of classes
      }
      if (c == '\\') {
        i++;
        if (i >= regex.length()) {
          throw new Unsupported();
        }
        char e = regex.charAt(i);
        shorthand = e == 'd' || e == 'w' || e == 's';
        switch (e) {
          case 'd': members.append(DIGIT); break;
          case 'w': members.append(WORD); break;
          case 's': members.append(escapeAll(SPACE)); break;
          case 't': members.append(escapeAll("\t")); break;
          case 'n': members.append(escapeAll("\n")); break;
          case 'r': members.append(escapeAll("\r")); break;
          default:
            if (Character.isLetterOrDigit(e)) {
              throw new Unsupported();
            }
            members.append('\\').append(e);
        }
      } else if (c == '-' && members.length() > 0 && !afterShorthand && i + 1 < regex.length()
          && regex.charAt(i + 1) != ']') {
        members.append('-');
      } else {
        members.append(Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
      }
      afterShorthand = shorthand;
      i++;
    }
    if (i >= regex.length()) {
      throw new Unsupported();
    }
    i++; // ']'
    out.append(negated ? "[^" : "[").append(members).append(']');
    quantifier();
  }

  private void appendLiteral(char c) {
    if (Character.isLetterOrDigit(c)) {
      out.append(c);
    } else {
      out.append('\\').append(c);
    }
  }

  private static String escapeAll(String chars) {
    StringBuilder escaped = new StringBuilder();
    for (char c : chars.toCharArray()) {
      escaped.append('\\').append(c);
    }
    return escaped.toString();
  }
}
