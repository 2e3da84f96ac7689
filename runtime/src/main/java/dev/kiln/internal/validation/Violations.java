package dev.kiln.internal.validation;

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
  /** The body position being validated, from {@code $}: a field name, or {@code null} for an index. */
  private String[] names = new String[8];
  private int[] indexes = new int[8];
  private int depth;

  /** One broken constraint. */
  public record Violation(String in, String path, String constraint, String message) {}

  /** A violation at an explicit place: a parameter, by its name. */
  public void add(String in, String path, String constraint, String message) {
    if (found == null) {
      found = new ArrayList<>(4);
    }
    found.add(new Violation(in, path, constraint, message));
  }

  /** A violation of the body at the current position. */
  public void addHere(String constraint, String message) {
    add("body", path(null), constraint, message);
  }

  /** A violation of {@code field} of the record at the current position. */
  public void addField(String field, String constraint, String message) {
    add("body", path(field), constraint, message);
  }

  /** Goes into a field of the current body position (or a map's key). */
  public void enter(String field) {
    push(field, 0);
  }

  /** Goes into an element of the list at the current body position. */
  public void enter(int index) {
    push(null, index);
  }

  /** Back out of the last {@code enter}. */
  public void exit() {
    depth--;
  }

  private void push(String name, int index) {
    if (depth == names.length) {
      names = java.util.Arrays.copyOf(names, depth * 2);
      indexes = java.util.Arrays.copyOf(indexes, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    depth++;
  }

  /** {@code $.members[2].name}: the current position, then {@code field} when given. */
  private String path(String field) {
    StringBuilder path = new StringBuilder("$");
    for (int i = 0; i < depth; i++) {
      if (names[i] != null) {
        path.append('.').append(names[i]);
      } else {
        path.append('[').append(indexes[i]).append(']');
      }
    }
    return field == null ? path.toString() : path.append('.').append(field).toString();
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
