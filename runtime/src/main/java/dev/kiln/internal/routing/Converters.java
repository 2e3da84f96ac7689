package dev.kiln.internal.routing;

import dev.kiln.HttpError;
import dev.kiln.grammar.Values;
import java.util.UUID;

/**
 * Conversions from request text to handler parameter types, called by generated binding code. A
 * value that does not convert is the client's mistake: a 400 that names the parameter, e.g.
 * {@code query parameter 'page': expected an integer, got "abc"}.
 */
public final class Converters {
  private Converters() {}

  /** The value, or a 400 saying the parameter is missing. */
  public static String required(String value, String what) {
    if (value == null) {
      throw HttpError.badRequest("missing required " + what);
    }
    return value;
  }

  public static int toInt(String value, String what) {
    if (!Values.isInt(value, 0, value.length())) {
      throw invalid(value, what, "an integer");
    }
    return Integer.parseInt(value);
  }

  public static long toLong(String value, String what) {
    if (!Values.isLong(value, 0, value.length())) {
      throw invalid(value, what, "an integer");
    }
    return Long.parseLong(value);
  }

  public static double toDouble(String value, String what) {
    if (!Values.isDecimal(value, 0, value.length())) {
      throw invalid(value, what, "a decimal number");
    }
    return Double.parseDouble(value);
  }

  /** {@link Values#parseBoolean}: true/false, yes/no, on/off and 1/0, ignoring case. */
  public static boolean toBoolean(String value, String what) {
    Boolean parsed = Values.parseBoolean(value);
    if (parsed == null) {
      throw invalid(value, what, Values.BOOLEAN_FORMS);
    }
    return parsed;
  }

  public static UUID toUuid(String value, String what) {
    if (!Values.isUuid(value, 0, value.length())) {
      throw invalid(value, what, "a UUID");
    }
    return UUID.fromString(value);
  }

  /** One of {@code constants} by name, ignoring case; the generated code passes {@code E.values()} once. */
  public static <E extends Enum<E>> E toEnum(E[] constants, String value, String what) {
    for (E constant : constants) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    StringBuilder expected = new StringBuilder("one of ");
    for (int i = 0; i < constants.length; i++) {
      expected.append(i == 0 ? "" : ", ").append(constants[i].name());
    }
    throw invalid(value, what, expected.toString());
  }

  private static Invalid invalid(String value, String what, String expected) {
    String shown = value.length() > 64 ? value.substring(0, 64) + "…" : value;
    return new Invalid(what + ": expected " + expected + ", got \"" + shown + "\"", expected);
  }

  /** A value that does not convert: a 400 for a request, and what was expected for other callers (settings). */
  public static final class Invalid extends HttpError {
    private static final long serialVersionUID = 1L;

    private final String expected;

    Invalid(String message, String expected) {
      super(400, message);
      this.expected = expected;
    }

    /** What the value should have been: {@code an integer}, {@code one of RED, GREEN}. */
    public String expected() {
      return expected;
    }
  }
}
