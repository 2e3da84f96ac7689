package dev.kiln.jdbi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.Binding;
import org.jdbi.v3.core.statement.ParsedParameters;
import org.jdbi.v3.core.statement.ParsedSql;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A statement's bound values as a detailed {@link StatementLog} keeps them: a number, a boolean or a
 * null as it is, since ids and flags are what a developer looks for, and anything else (text, which
 * may be an email address, a password hash or a token) as its length only.
 */
final class RedactedValues {
  private static final int MAX_VALUES = 50;

  private RedactedValues() {}

  /** The values of the statement's parameters, in the order its SQL names them, each name once. */
  static List<String> of(StatementContext context) {
    Binding binding = context.getBinding();
    ParsedSql parsed = context.getParsedSql();
    if (binding == null || parsed == null) {
      return List.of();
    }
    ParsedParameters parameters = parsed.getParameters();
    List<String> values = new ArrayList<>();
    if (parameters.isPositional()) {
      for (int i = 0; i < parameters.getParameterCount() && values.size() < MAX_VALUES; i++) {
        Optional<Argument> argument = binding.findForPosition(i);
        values.add("#" + (i + 1) + " = " + (argument.isPresent() ? redact(argument.get()) : "(unbound)"));
      }
      return values;
    }
    for (String name : new LinkedHashSet<>(parameters.getParameterNames())) {
      if (values.size() == MAX_VALUES) {
        break;
      }
      Optional<Argument> argument = binding.findForName(name, context);
      values.add(name + " = " + (argument.isPresent() ? redact(argument.get()) : "(unbound)"));
    }
    return values;
  }

  /** Jdbi's arguments print their value; only a value that cannot be personal is kept. */
  static String redact(Object argument) {
    String shown = String.valueOf(argument);
    return plain(shown) ? shown : "(hidden, " + shown.length() + " characters)";
  }

  private static boolean plain(String shown) {
    if (shown.equalsIgnoreCase("null") || shown.equals("true") || shown.equals("false")) {
      return true;
    }
    if (shown.isEmpty() || shown.length() > 20) {
      return false;
    }
    for (int i = 0; i < shown.length(); i++) {
      char c = shown.charAt(i);
      if (!(c >= '0' && c <= '9' || c == '-' && i == 0 || c == '.')) {
        return false;
      }
    }
    return true;
  }
}
