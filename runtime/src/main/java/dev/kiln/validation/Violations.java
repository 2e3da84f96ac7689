package dev.kiln.validation;

import dev.kiln.HttpError;
import dev.kiln.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint violations of one request, collected by generated validation code so the client
 * hears about all of them at once: a 422 problem whose {@code violations} member lists each with
 * where it is ({@code in}: body, query, path, header, cookie or form), its {@code path} (a JSONPath
 * such as {@code $.tags[1]} in a body, the parameter's name elsewhere), the constraint and a message.
 */
public final class Violations {
  private List<Violation> found;

  /** One broken constraint. */
  public record Violation(String in, String path, String constraint, String message) {}

  public void add(String in, String path, String constraint, String message) {
    if (found == null) {
      found = new ArrayList<>(4);
    }
    found.add(new Violation(in, path, constraint, message));
  }

  public boolean isEmpty() {
    return found == null;
  }

  public List<Violation> list() {
    return found == null ? List.of() : List.copyOf(found);
  }

  /** Throws the 422 answer when a constraint was broken. */
  public void throwIfAny() {
    if (found != null) {
      throw toError();
    }
  }

  public HttpError toError() {
    int count = found == null ? 0 : found.size();
    return Problem.of(422)
        .detail(count == 1 ? "1 constraint violation" : count + " constraint violations")
        .with("violations", list())
        .toError();
  }
}
