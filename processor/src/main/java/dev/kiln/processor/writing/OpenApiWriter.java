package dev.kiln.processor.writing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.FileField;
import dev.kiln.processor.binding.OperationDoc;
import dev.kiln.processor.binding.RequestBody;
import dev.kiln.processor.binding.ResponseDoc;
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.binding.ValueBinding;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.PathParamType;
import dev.kiln.processor.model.RouteTable;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.model.TableRoute;
import dev.kiln.processor.reading.Javadoc;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes {@code META-INF/kiln/openapi.json}, the application's OpenAPI 3.1 document: every route
 * with its parameters (constraints as JSON Schema keywords), request body and response schemas from
 * the records, the route name as {@code operationId} and the handler's Javadoc as description.
 */
public final class OpenApiWriter {
  public static final String RESOURCE = "META-INF/kiln/openapi.json";
  private static final String PROBLEM = "Problem";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Map<ClassName, ObjectNode> schemas = new LinkedHashMap<>();
  private final Map<ClassName, String> schemaNames = new HashMap<>();
  private final Set<String> usedNames = new TreeSet<>();

  private OpenApiWriter() {}

  /**
   * The document.
   *
   * @param details each route's parameters and result, read again from its handler method; a route
   *     without them (its handler compiled elsewhere and unreadable) is listed with its path only
   */
  public static String write(RouteTable table, String title, String version, String description,
      Map<TableRoute, HandlerRoute> details) {
    return new OpenApiWriter().document(table, title, version, description, details);
  }

  private String document(RouteTable table, String title, String version, String description,
      Map<TableRoute, HandlerRoute> details) {
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
      ObjectNode operation = operation(route, details.get(route), operationIds);
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
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
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

  private ObjectNode operation(TableRoute route, HandlerRoute handler, Set<String> operationIds) {
    ObjectNode operation = JSON.objectNode();
    String id = route.name().isEmpty()
        ? String.join(".", route.handler().simpleNames()) + "." + route.handlerMethod() : route.name();
    String unique = id;
    for (int i = 2; !operationIds.add(unique); i++) {
      unique = id + i;
    }
    operation.put("operationId", unique);
    if (!route.group().isEmpty()) {
      operation.putArray("tags").add(route.group());
    }
    if (!route.description().isEmpty()) {
      String summary = Javadoc.summary(route.description());
      operation.put("summary", summary);
      if (!summary.equals(route.description())) {
        operation.put("description", route.description());
      }
    }
    Operation doc = new Operation();
    int pathIndex = 0;
    for (Segment segment : route.template().segments()) {
      if (segment instanceof Segment.Param param) {
        PathParamType type = route.pathParams().get(pathIndex++);
        ObjectNode schema = scalarSchema(type.typeName(), type.enumConstants());
        if (param.regex() != null) {
          schema.put("pattern", "^(?:" + param.regex() + ")$");
        }
        doc.pathSchemas.put(param.name(), schema);
        doc.parameters.add(JSON.objectNode().put("name", param.name()).put("in", "path").put("required", true)
            .set("schema", schema));
      }
    }
    boolean validated = false;
    if (handler != null) {
      for (Binding param : handler.params()) {
        validated |= param.isValidated();
        param.document(doc);
      }
    }
    boolean hasBody = doc.body != null;
    if (!doc.formFields.isEmpty() && !hasBody) {
      ObjectNode schema = JSON.objectNode().put("type", "object");
      schema.set("properties", doc.formFields);
      if (!doc.formRequired.isEmpty()) {
        schema.set("required", doc.formRequired);
      }
      ObjectNode content = JSON.objectNode();
      content.putObject("multipart/form-data").set("schema", schema);
      if (!doc.files) {
        content.putObject("application/x-www-form-urlencoded").set("schema", schema.deepCopy());
      }
      operation.putObject("requestBody").put("required", !doc.formRequired.isEmpty()).set("content", content);
      hasBody = true;
    } else if (hasBody) {
      operation.set("requestBody", doc.body);
    }
    route.conditions().headers().forEach((name, value) -> {
      ObjectNode schema = JSON.objectNode().put("type", "string");
      if (!value.isEmpty()) {
        schema.putArray("enum").add(value);
      }
      doc.parameters.add(JSON.objectNode().put("name", name).put("in", "header").put("required", true)
          .set("schema", schema));
    });
    if (!doc.parameters.isEmpty()) {
      operation.set("parameters", doc.parameters);
    }
    ObjectNode responses = operation.putObject("responses");
    if (handler == null) {
      responses.set("200", JSON.objectNode().put("description", "The handler's response"));
    } else {
      Success success = new Success();
      handler.result().document(success);
      responses.set(handler.result().status(), produced(success.response, route.conditions().produces()));
    }
    if (!route.conditions().produces().isEmpty()) {
      responses.set("406", problem("Accept names none of the types the route produces"));
    }
    if (!doc.parameters.isEmpty() || hasBody) {
      responses.set("400", problem("The request is malformed: a parameter or the body does not parse"));
    }
    if (hasBody || !route.conditions().consumes().isEmpty()) {
      responses.set("415", problem("The body's Content-Type is not one the route reads"));
    }
    if (validated) {
      responses.set("422", problem("A constraint is violated; `violations` lists each with its path"));
    }
    return operation;
  }

  /** {@code response} with its one content type replaced by the types the route produces, if it lists them. */
  private static ObjectNode produced(ObjectNode response, List<String> produces) {
    JsonNode content = response.get("content");
    if (produces.isEmpty() || content == null || content.size() != 1) {
      return response;
    }
    JsonNode schema = content.elements().next().get("schema");
    ObjectNode types = response.putObject("content");
    produces.forEach(type -> types.putObject(type).set("schema", schema.deepCopy()));
    return response;
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

  /** One operation's parameters and body, as its bindings describe them. */
  private final class Operation implements OperationDoc {
    final ArrayNode parameters = JSON.arrayNode();
    final Map<String, ObjectNode> pathSchemas = new HashMap<>();
    final ObjectNode formFields = JSON.objectNode();
    final ArrayNode formRequired = JSON.arrayNode();
    boolean files;
    ObjectNode body;

    @Override
    public void constrainPath(String name, List<Constraint> constraints) {
      ObjectNode schema = pathSchemas.get(name);
      if (schema != null) {
        constrain(schema, constraints);
      }
    }

    @Override
    public void parameter(ValueBinding binding) {
      ObjectNode parameter = JSON.objectNode()
          .put("name", binding.wireName())
          .put("in", binding.in())
          .put("required", binding.shape() == Shape.SINGLE);
      if (binding.shape() == Shape.LIST) {
        parameter.put("style", "form").put("explode", true);
      }
      parameters.add(parameter.set("schema", paramSchema(binding)));
    }

    @Override
    public void formField(ValueBinding binding) {
      formFields.set(binding.wireName(), paramSchema(binding));
      if (binding.shape() == Shape.SINGLE) {
        formRequired.add(binding.wireName());
      }
      files |= binding instanceof FileField;
    }

    @Override
    public void body(RequestBody binding) {
      body = JSON.objectNode().put("required", !binding.optional());
      ObjectNode content = body.putObject("content");
      ObjectNode schema = constrain(schema(binding.data()), binding.constraints());
      if (binding.readsJson()) {
        content.putObject("application/json").set("schema", schema);
      }
      for (String form : binding.formTypes()) {
        content.putObject(form).set("schema", schema.deepCopy());
      }
    }
  }

  /** A route's success response, as its result describes it. */
  private final class Success implements ResponseDoc {
    final ObjectNode response = JSON.objectNode();

    @Override
    public void described(String description) {
      response.put("description", description);
    }

    @Override
    public void text(String description, String mediaType, String contentMediaType) {
      ObjectNode schema = response.put("description", description).putObject("content").putObject(mediaType)
          .putObject("schema").put("type", "string");
      if (contentMediaType != null) {
        schema.put("contentMediaType", contentMediaType);
      }
    }

    @Override
    public void json(DataType data) {
      response.put("description", "OK").putObject("content").putObject("application/json")
          .set("schema", schema(data));
    }
  }

  private static ObjectNode problem(String description) {
    ObjectNode response = JSON.objectNode().put("description", description);
    response.putObject("content").putObject("application/problem+json").putObject("schema")
        .put("$ref", "#/components/schemas/" + PROBLEM);
    return response;
  }

  /** A parameter's schema: the scalar (or upload), in an array for a list, with its constraints. */
  private ObjectNode paramSchema(ValueBinding param) {
    ObjectNode value = param instanceof FileField
        ? JSON.objectNode().put("type", "string").put("format", "binary")
        : scalarSchema(param.valueClass(), List.of()); // an enum is a string; its constants are not listed
    if (param.shape() == Shape.LIST) {
      ObjectNode array = JSON.objectNode().put("type", "array");
      array.set("items", value);
      return constrain(array, param.constraints());
    }
    return constrain(value, param.constraints());
  }

  /** A type's JSON Schema; a record's is a reference to its named component. */
  private ObjectNode schema(DataType data) {
    if (data instanceof DataType.Scalar scalar) {
      return scalarSchema(scalar.json(), scalar.enumConstants());
    }
    if (data instanceof DataType.Many many) {
      ObjectNode schema = JSON.objectNode().put("type", "array");
      schema.set("items", constrain(schema(many.element()), many.elementConstraints()));
      if (many.type().toString().startsWith("java.util.Set")) {
        schema.put("uniqueItems", true);
      }
      return schema;
    }
    if (data instanceof DataType.Maybe maybe) {
      return schema(maybe.value());
    }
    if (data instanceof DataType.Dictionary dictionary) {
      ObjectNode schema = JSON.objectNode().put("type", "object");
      schema.set("additionalProperties", schema(dictionary.value()));
      return schema;
    }
    if (data instanceof DataType.File) {
      return JSON.objectNode().put("type", "string").put("format", "binary");
    }
    if (data instanceof DataType.Record record) {
      return JSON.objectNode().put("$ref", "#/components/schemas/" + recordSchema(record));
    }
    if (data.type().toString().equals("byte[]")) {
      return JSON.objectNode().put("type", "string").put("contentEncoding", "base64");
    }
    return JSON.objectNode(); // any JSON value
  }

  /** Adds a record's schema to the components once; its name is the simple name unless two records share it. */
  private String recordSchema(DataType.Record record) {
    String existing = schemaNames.get(record.name());
    if (existing != null) {
      return existing;
    }
    String name = String.join(".", record.name().simpleNames());
    if (!usedNames.add(name) || name.equals(PROBLEM)) {
      name = record.name().canonicalName();
      usedNames.add(name);
    }
    schemaNames.put(record.name(), name);
    ObjectNode schema = JSON.objectNode().put("type", "object");
    schemas.put(record.name(), schema); // before the components: a record may contain itself
    String doc = Javadoc.description(record.documentation());
    if (!doc.isEmpty()) {
      schema.put("description", doc);
    }
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    Map<String, String> documented = Javadoc.params(record.documentation());
    for (DataType.Component component : record.components()) {
      ObjectNode property = constrain(schema(component.type()), component.constraints());
      String about = documented.get(component.name());
      if (about != null && !property.has("$ref")) {
        property.put("description", about);
      }
      properties.set(component.name(), property);
      if (component.constraints().stream().anyMatch(Constraint::rejectsNull)) {
        required.add(component.name());
      }
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    return name;
  }

  private static ObjectNode scalarSchema(DataType.JsonKind kind, List<String> enumConstants) {
    ObjectNode schema = JSON.objectNode().put("type", kind.type());
    if (kind.format() != null) {
      schema.put("format", kind.format());
    }
    if (!enumConstants.isEmpty()) {
      ArrayNode values = schema.putArray("enum");
      enumConstants.forEach(values::add);
    }
    return schema;
  }

  /** The schema of a parameter's scalar type. */
  private static ObjectNode scalarSchema(TypeName type, List<String> enumConstants) {
    String name = type.box().toString();
    DataType.JsonKind kind = switch (name) {
      case "java.lang.Integer" -> DataType.JsonKind.INT32;
      case "java.lang.Long" -> DataType.JsonKind.INT64;
      case "java.lang.Double" -> DataType.JsonKind.DOUBLE;
      case "java.lang.Boolean" -> DataType.JsonKind.BOOLEAN;
      case "java.util.UUID" -> DataType.JsonKind.UUID;
      default -> DataType.JsonKind.STRING;
    };
    return scalarSchema(kind, enumConstants);
  }

  /** Adds the JSON Schema keywords of {@code constraints} to {@code schema} (a {@code $ref} gets an allOf). */
  private static ObjectNode constrain(ObjectNode schema, List<Constraint> constraints) {
    if (constraints.isEmpty()) {
      return schema;
    }
    ObjectNode target = schema;
    if (schema.has("$ref")) {
      target = JSON.objectNode();
      target.putArray("allOf").add(schema);
    }
    String type = target.path("type").asText("");
    for (Constraint constraint : constraints) {
      switch (constraint.name()) {
        case "NotBlank" -> pattern(target.put("minLength", 1), "\\S");
        case "NotEmpty" -> target.put(lengthKeyword(type, "min"), 1);
        case "Size" -> {
          int min = (Integer) constraint.argument(0);
          int max = (Integer) constraint.argument(1);
          if (min > 0) {
            target.put(lengthKeyword(type, "min"), min);
          }
          if (max < Integer.MAX_VALUE) {
            target.put(lengthKeyword(type, "max"), max);
          }
        }
        case "Min" -> target.put("minimum", (Long) constraint.argument(0));
        case "Max" -> target.put("maximum", (Long) constraint.argument(0));
        case "DecimalMin" -> target.put((Boolean) constraint.argument(1) ? "minimum" : "exclusiveMinimum",
            new BigDecimal((String) constraint.argument(0)));
        case "DecimalMax" -> target.put((Boolean) constraint.argument(1) ? "maximum" : "exclusiveMaximum",
            new BigDecimal((String) constraint.argument(0)));
        case "Positive" -> target.put("exclusiveMinimum", 0);
        case "PositiveOrZero" -> target.put("minimum", 0);
        case "Negative" -> target.put("exclusiveMaximum", 0);
        case "NegativeOrZero" -> target.put("maximum", 0);
        case "Pattern" -> pattern(target, "^(?:" + constraint.argument(0) + ")$");
        case "Email" -> target.put("format", "email");
        case "AssertTrue" -> target.put("const", true);
        case "AssertFalse" -> target.put("const", false);
        default -> { } // NotNull is `required`; the rest has no JSON Schema keyword
      }
    }
    return target;
  }

  /** Sets {@code pattern}, or adds it to an {@code allOf} when the schema has one already. */
  private static void pattern(ObjectNode schema, String regex) {
    if (!schema.has("pattern")) {
      schema.put("pattern", regex);
    } else {
      ArrayNode all = schema.has("allOf") ? (ArrayNode) schema.get("allOf") : schema.putArray("allOf");
      all.addObject().put("pattern", regex);
    }
  }

  private static String lengthKeyword(String type, String bound) {
    return switch (type) {
      case "array" -> bound + "Items";
      case "object" -> bound + "Properties";
      default -> bound + "Length";
    };
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
