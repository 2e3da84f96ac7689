package dev.kiln.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer of {@code application/problem+json} (RFC 9457) with a status the call did not expect,
 * its fields read: what a Kiln server's {@code Problem}, {@code HttpError} and 422 validation
 * answers carry.
 *
 * <pre>{@code
 * } catch (ProblemException problem) {
 *   if (problem.status() == 422) {
 *     problem.violations().forEach(v -> form.error(v.path(), v.message()));
 *   }
 * }</pre>
 */
public final class ProblemException extends StatusException {
  private final String type;
  private final String title;
  private final String detail;
  private final String instance;
  private final transient Map<String, JsonNode> extensions;
  private final transient List<Violation> violations;

  /** One entry of a 422's {@code violations}: where ({@code body}, {@code query}...), the JSON path, the constraint and its message. */
  public record Violation(String in, String path, String constraint, String message) {}

  private ProblemException(String call, ClientResponse response, ObjectNode problem) {
    super(call + " answered " + response.status() + ": " + summary(problem), response);
    this.type = text(problem, "type", "about:blank");
    this.title = text(problem, "title", null);
    this.detail = text(problem, "detail", null);
    this.instance = text(problem, "instance", null);
    Map<String, JsonNode> others = new LinkedHashMap<>();
    problem.fields().forEachRemaining(field -> {
      switch (field.getKey()) {
        case "type", "title", "status", "detail", "instance" -> { }
        default -> others.put(field.getKey(), field.getValue());
      }
    });
    this.extensions = Map.copyOf(others);
    List<Violation> found = new ArrayList<>();
    JsonNode list = problem.get("violations");
    if (list != null && list.isArray()) {
      for (JsonNode v : list) {
        found.add(new Violation(text(v, "in", null), text(v, "path", null), text(v, "constraint", null),
            text(v, "message", null)));
      }
    }
    this.violations = List.copyOf(found);
  }

  /** The problem in {@code response}, or {@code null} when its body is not a JSON object. */
  static ProblemException read(String call, ClientResponse response, com.fasterxml.jackson.databind.ObjectMapper json) {
    try {
      JsonNode node = json.readTree(response.bytes());
      return node instanceof ObjectNode object ? new ProblemException(call, response, object) : null;
    } catch (java.io.IOException notJson) {
      return null;
    }
  }

  /** The problem's type URI; {@code about:blank} when it names none. */
  public String type() {
    return type;
  }

  /** Its short summary, or {@code null}. */
  public String title() {
    return title;
  }

  /** What happened this time, or {@code null}. */
  public String detail() {
    return detail;
  }

  /** Which occurrence, or {@code null}. */
  public String instance() {
    return instance;
  }

  /** The fields beyond RFC 9457's five, by name: {@code Problem.with(name, value)} on a Kiln server. */
  public Map<String, JsonNode> extensions() {
    return extensions;
  }

  /** A 422's constraint violations, in order; empty for any other problem. */
  public List<Violation> violations() {
    return violations;
  }

  private static String summary(ObjectNode problem) {
    String title = text(problem, "title", "");
    String detail = text(problem, "detail", "");
    return title.isEmpty() ? detail : detail.isEmpty() ? title : title + " (" + detail + ")";
  }

  private static String text(JsonNode node, String field, String otherwise) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? otherwise : value.asText();
  }
}
