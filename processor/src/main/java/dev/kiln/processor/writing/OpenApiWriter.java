package dev.kiln.processor.writing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableRoute;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code META-INF/kiln/openapi.json}, the application's OpenAPI 3.1 document, from the
 * table's routes alone: each carries the operation its handler's {@link OperationWriter} wrote from
 * source. Here each gets a unique {@code operationId} (the route name, or the handler method), routes
 * of one path and method are folded into one operation, and each record gets one named schema.
 */
public final class OpenApiWriter {
  public static final String RESOURCE = "META-INF/kiln/openapi.json";
  private static final String PROBLEM = "Problem";
  private static final String COMPONENTS = "#/components/schemas/";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Each record's schema by canonical name, in the order the document first references them. */
  private final Map<String, ObjectNode> schemas = new LinkedHashMap<>();
  private final Map<String, String> schemaNames = new HashMap<>();
  private final Set<String> usedNames = new TreeSet<>();

  private OpenApiWriter() {}

  public static String write(RouteTable table, String title, String version, String description) {
    return new OpenApiWriter().document(table, title, version, description);
  }

  private String document(RouteTable table, String title, String version, String description) {
    ObjectNode root = JSON.objectNode();
    root.put("openapi", "3.1.0");
    ObjectNode info = root.putObject("info").put("title", title).put("version", version);
    if (!description.isEmpty()) {
      info.put("description", description);
    }
    ObjectNode paths = root.putObject("paths");
    Set<String> operationIds = new TreeSet<>();
    for (TableRoute route : table.routes()) {
      ObjectNode path = paths.has(openApiPath(route)) ? (ObjectNode) paths.get(openApiPath(route))
          : paths.putObject(openApiPath(route));
      String method = route.method().toLowerCase(Locale.ROOT);
      ObjectNode operation = operation(route, operationIds);
      if (path.has(method)) {
        merge((ObjectNode) path.get(method), operation); // routes of one path told apart by conditions
      } else {
        path.set(method, operation);
      }
    }
    ObjectNode components = root.putObject("components").putObject("schemas");
    components.set(PROBLEM, problemSchema());
    schemas.forEach((name, schema) -> components.set(schemaNames.get(name), schema));
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the OpenAPI document", e);
    }
  }

  /** {@code /api/projects/{projectId:\d+}} → {@code /api/projects/{projectId}}. */
  private static String openApiPath(TableRoute route) {
    StringBuilder path = new StringBuilder();
    for (Segment segment : route.template().segments()) {
      path.append('/');
      if (segment instanceof Segment.Literal literal) {
        path.append(literal.text());
      } else {
        path.append('{').append(((Segment.Param) segment).name()).append('}');
      }
    }
    return path.length() == 0 ? "/" : path.toString();
  }

  /** The route's operation from its marker, with a unique id and its records' references resolved. */
  private ObjectNode operation(TableRoute route, Set<String> operationIds) {
    JsonNode fragment;
    try {
      fragment = MAPPER.readTree(route.operation());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the marker of " + route.handlerReference() + " holds no OpenAPI operation", e);
    }
    String id = route.name().isEmpty()
        ? String.join(".", route.handler().simpleNames()) + "." + route.handlerMethod() : route.name();
    String unique = id;
    for (int i = 2; !operationIds.add(unique); i++) {
      unique = id + i;
    }
    ObjectNode operation = JSON.objectNode().put("operationId", unique);
    operation.setAll((ObjectNode) fragment.get("operation"));
    resolveRecords(operation, fragment.get("records"));
    return operation;
  }

  /**
   * Replaces each record reference under {@code node} with its component's, naming the record's
   * schema the first time the document references it: its simple name unless another record (or
   * the problem schema) has it, else its canonical name.
   */
  private void resolveRecords(JsonNode node, JsonNode records) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith(OperationWriter.RECORD_REF)) {
        String record = ref.asText().substring(OperationWriter.RECORD_REF.length());
        object.put("$ref", COMPONENTS + schemaName(record, records));
        return;
      }
      object.elements().forEachRemaining(child -> resolveRecords(child, records));
    } else if (node instanceof ArrayNode array) {
      array.elements().forEachRemaining(child -> resolveRecords(child, records));
    }
  }

  private String schemaName(String canonicalName, JsonNode records) {
    String existing = schemaNames.get(canonicalName);
    if (existing != null) {
      return existing;
    }
    JsonNode record = records.get(canonicalName);
    String name = record.get("name").asText();
    if (!usedNames.add(name) || name.equals(PROBLEM)) {
      name = canonicalName;
      usedNames.add(name);
    }
    schemaNames.put(canonicalName, name);
    ObjectNode schema = (ObjectNode) record.get("schema");
    schemas.put(canonicalName, schema); // before its components: a record may contain itself
    resolveRecords(schema, records);
    return name;
  }

  /**
   * Folds {@code other} into {@code operation}, the two routes of one method and path that their
   * conditions tell apart: OpenAPI has one operation there, so it lists the bodies, parameters and
   * responses of both.
   */
  private static void merge(ObjectNode operation, ObjectNode other) {
    if (other.has("requestBody")) {
      if (!operation.has("requestBody")) {
        operation.set("requestBody", other.get("requestBody"));
      } else {
        ObjectNode content = (ObjectNode) operation.get("requestBody").get("content");
        other.get("requestBody").get("content").fields().forEachRemaining(e -> content.putIfAbsent(e.getKey(), e.getValue()));
      }
    }
    if (other.has("parameters")) {
      ArrayNode parameters = operation.has("parameters")
          ? (ArrayNode) operation.get("parameters") : operation.putArray("parameters");
      for (JsonNode parameter : other.get("parameters")) {
        boolean known = false;
        for (JsonNode existing : parameters) {
          known |= existing.get("name").equals(parameter.get("name")) && existing.get("in").equals(parameter.get("in"));
        }
        if (!known) {
          parameters.add(((ObjectNode) parameter.deepCopy()).put("required", false));
        }
      }
    }
    ObjectNode responses = (ObjectNode) operation.get("responses");
    other.get("responses").fields().forEachRemaining(e -> {
      JsonNode existing = responses.get(e.getKey());
      if (existing == null) {
        responses.set(e.getKey(), e.getValue());
      } else if (existing.has("content") && e.getValue().has("content")) {
        ObjectNode content = (ObjectNode) existing.get("content");
        e.getValue().get("content").fields().forEachRemaining(c -> content.putIfAbsent(c.getKey(), c.getValue()));
      }
    });
  }


  private static ObjectNode problemSchema() {
    ObjectNode schema = JSON.objectNode().put("type", "object")
        .put("description", "RFC 9457 problem details");
    ObjectNode properties = schema.putObject("properties");
    properties.putObject("type").put("type", "string");
    properties.putObject("title").put("type", "string");
    properties.putObject("status").put("type", "integer");
    properties.putObject("detail").put("type", "string");
    properties.putObject("instance").put("type", "string");
    ObjectNode violation = JSON.objectNode().put("type", "object");
    ObjectNode fields = violation.putObject("properties");
    for (String field : new String[] {"in", "path", "constraint", "message"}) {
      fields.putObject(field).put("type", "string");
    }
    properties.putObject("violations").put("type", "array").set("items", violation);
    return schema;
  }
}

