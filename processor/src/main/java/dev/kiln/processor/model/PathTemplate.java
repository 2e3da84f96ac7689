package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.SourceVersion;

/**
 * A parsed path template: {@code /projects/{projectId:\d+}} is the literal {@code projects} and the
 * parameter {@code projectId} constrained by {@code \d+}. A template is a leading {@code /} and
 * segments; an empty last segment is a trailing slash.
 */
public record PathTemplate(String text, List<Segment> segments) {

  public PathTemplate {
    segments = List.copyOf(segments);
  }

  /** The parameters, in path order. */
  public List<Segment.Param> params() {
    List<Segment.Param> params = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment instanceof Segment.Param param) {
        params.add(param);
      }
    }
    return params;
  }

  /** Index of the parameter named {@code name} among {@link #params()}, or -1. */
  public int paramIndex(String name) {
    List<Segment.Param> params = params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A template error: what is wrong, and the offset in the template text where it is. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;
    private final boolean regex;

    SyntaxError(String message, int offset, boolean regex) {
      super(message, null, false, false);
      this.offset = offset;
      this.regex = regex;
    }

    public int offset() {
      return offset;
    }

    /** Whether the problem is a regex that does not compile. */
    public boolean isRegex() {
      return regex;
    }
  }

  /** Parses a full template (group prefix already joined). */
  public static PathTemplate parse(String text) throws SyntaxError {
    if (!text.startsWith("/")) {
      throw new SyntaxError("a path starts with '/': \"" + text + "\"", 0, false);
    }
    List<Segment> segments = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int i = 1;
    while (true) {
      int start = i;
      Segment segment;
      if (i < text.length() && text.charAt(i) == '{') {
        int close = closingBrace(text, i);
        segment = param(text, i, close, names);
        i = close + 1;
        if (i < text.length() && text.charAt(i) != '/') {
          throw new SyntaxError("a parameter must fill a whole path segment, but \"" + segmentText(text, start)
              + "\" has text after it; use one regex parameter for the segment, e.g. {file:[^/]+\\.json}", i, false);
        }
      } else {
        int end = text.indexOf('/', i);
        end = end < 0 ? text.length() : end;
        String literal = text.substring(i, end);
        checkLiteral(literal, i, end == text.length());
        segment = new Segment.Literal(literal);
        i = end;
      }
      segments.add(segment);
      if (i >= text.length()) {
        break;
      }
      i++; // the '/'
    }
    return new PathTemplate(text, segments);
  }

  private static String segmentText(String text, int start) {
    int end = text.indexOf('/', start);
    return text.substring(start, end < 0 ? text.length() : end);
  }

  private static void checkLiteral(String literal, int offset, boolean last) throws SyntaxError {
    if (literal.isEmpty() && !last) {
      throw new SyntaxError("empty path segment (\"//\"); remove the extra '/'", offset, false);
    }
    for (int k = 0; k < literal.length(); k++) {
      char c = literal.charAt(k);
      switch (c) {
        case '{':
          throw new SyntaxError("a parameter must fill a whole path segment, but \"" + literal
              + "\" mixes text and '{'; use one regex parameter for the segment", offset + k, false);
        case '}':
          throw new SyntaxError("unbalanced '}' in \"" + literal + "\"", offset + k, false);
        case '?':
          throw new SyntaxError("'?' starts a query string, which is not part of a route path; bind query "
              + "parameters with @Query", offset + k, false);
        case '#':
          throw new SyntaxError("'#' starts a fragment, which clients never send; remove it", offset + k, false);
        default:
          if (Character.isISOControl(c) || c == ' ') {
            throw new SyntaxError("whitespace or control character in a path segment; percent-encoding is done by "
                + "Kiln, write the character itself only if it is printable", offset + k, false);
          }
      }
    }
  }

  /**
   * Index of the '}' closing the '{' at {@code open}: braces nest, '\' escapes, '[...]' is opaque.
   * When that finds none, braces alone decide, so an unclosed '[' is reported as the regex error it is.
   */
  private static int closingBrace(String text, int open) throws SyntaxError {
    int close = closingBrace(text, open, true);
    if (close < 0) {
      close = closingBrace(text, open, false);
    }
    if (close < 0) {
      throw new SyntaxError("unbalanced '{': \"" + text.substring(open) + "\" is never closed with '}'", open, false);
    }
    return close;
  }

  private static int closingBrace(String text, int open, boolean classes) {
    int depth = 0;
    boolean inClass = false;
    for (int k = open; k < text.length(); k++) {
      char c = text.charAt(k);
      if (c == '\\') {
        k++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[' && classes) {
        inClass = true;
        if (k + 1 < text.length() && text.charAt(k + 1) == ']') {
          k++; // "[]...]": a leading ']' is literal
        }
      } else if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
        if (depth == 0) {
          return k;
        }
      } else if (c == '/' && depth == 1 && text.lastIndexOf(':', k) < open) {
        break; // "{name/...": the name never closed
      }
    }
    return -1;
  }

  private static Segment.Param param(String text, int open, int close, List<String> names) throws SyntaxError {
    String body = text.substring(open + 1, close);
    int colon = body.indexOf(':');
    String name = colon < 0 ? body : body.substring(0, colon);
    String regex = colon < 0 ? null : body.substring(colon + 1);
    if (name.isEmpty()) {
      throw new SyntaxError("empty parameter name in \"{" + body + "}\"; write {name} or {name:regex}", open, false);
    }
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new SyntaxError("parameter name \"" + name + "\" is not a Java identifier, so no method parameter can "
          + "bind it; try {" + identifierLike(name) + "}", open + 1, false);
    }
    if (names.contains(name)) {
      throw new SyntaxError("parameter {" + name + "} appears twice; give each parameter its own name", open, false);
    }
    names.add(name);
    if (regex != null) {
      if (regex.isEmpty()) {
        throw new SyntaxError("empty regex in {" + name + ":}; remove the ':' or write a regex", open, false);
      }
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new SyntaxError("regex of {" + name + "} does not compile: " + e.getDescription() + " near index "
            + e.getIndex() + " of \"" + regex + "\"", open + 2 + name.length() + Math.max(0, e.getIndex()), true);
      }
    }
    return new Segment.Param(name, regex);
  }

  /** A camelCase identifier from arbitrary text, for "did you mean" hints. */
  private static String identifierLike(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (Character.isJavaIdentifierPart(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = out.length() > 0;
      }
    }
    String candidate = out.length() == 0 ? "value" : out.toString();
    if (!Character.isJavaIdentifierStart(candidate.charAt(0))) {
      candidate = "_" + candidate;
    }
    return SourceVersion.isKeyword(candidate) ? candidate + "Value" : candidate;
  }
}
