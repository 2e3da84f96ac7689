package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import dev.kiln.processor.binding.Shape;
import java.util.List;

/**
 * A route as the generated {@code <App>Client} calls it: what it sends and what it reads back, or
 * why it leaves the route out.
 *
 * @param parameters the handler's path, query, header and body parameters, in declaration order
 * @param result how the answer is read; {@code null} when the route is left out
 * @param resultType the JSON result's type; {@code null} for the other results
 * @param omitted why the client leaves the route out ({@code "returns Response, ..."}); empty when it does not
 */
public record ClientCall(List<Parameter> parameters, Result result, TypeName resultType, String omitted) {
  public static final ClientCall NONE = omitted("it was compiled without a client description");

  public ClientCall {
    parameters = List.copyOf(parameters);
  }

  public static ClientCall omitted(String reason) {
    return new ClientCall(List.of(), null, null, reason);
  }

  public boolean isOmitted() {
    return !omitted.isEmpty();
  }

  /** Where a parameter goes. */
  public enum In {
    PATH, QUERY, HEADER, BODY
  }

  /** How the answer is read. */
  public enum Result {
    /** A JSON value of {@link #resultType()}. */
    JSON,
    /** A {@code String}. */
    TEXT,
    /** A {@code byte[]}. */
    BYTES,
    /** Nothing: {@code CompletionStage<Void>}. */
    NONE
  }

  /**
   * One parameter the client method takes.
   *
   * @param wireName the name in the path template, query or header; empty for the body
   * @param javaName the handler parameter's name, which the client method's parameter takes
   * @param type the handler parameter's declared type ({@code Optional<String>}, {@code List<Integer>})
   * @param shape whether it is one value, an {@code Optional} or a {@code List}
   */
  public record Parameter(In in, String wireName, String javaName, TypeName type, Shape shape) {}
}
