package dev.kiln.processor.writing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.kiln.processor.binding.Binding;
import dev.kiln.processor.binding.FileField;
import dev.kiln.processor.binding.OperationDoc;
import dev.kiln.processor.binding.PathParameter;
import dev.kiln.processor.binding.RequestBody;
import dev.kiln.processor.binding.ResponseDoc;
import dev.kiln.processor.binding.Shape;
import dev.kiln.processor.binding.ValueBinding;
import dev.kiln.processor.model.Constraint;
import dev.kiln.processor.model.DataType;
import dev.kiln.processor.model.HandlerRoute;
import dev.kiln.processor.model.Segment;
import dev.kiln.processor.reading.Javadoc;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one route's OpenAPI operation while its handler is read from source, for the handler's
 * marker: the root then assembles the document from markers alone, so a handler compiled earlier
 * (its Javadoc gone from the class file) is documented as fully as one compiled now.
 *
 * <p>The operation has everything but its {@code operationId}, which must be unique across the
 * application. A record is referenced as {@code {"$ref": "kiln:record:<canonical name>"}} and its
 * schema is listed beside the operation, because only the root can tell which records share a
 * simple name.
 */
public final class OperationWriter {
  /** How the operation references a record before the root names its schema. */
  public static final String RECORD_REF = "kiln:record:";
  static final String PROBLEM_REF = "#/components/schemas/Problem";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Each record the operation references, by canonical name: {@code {"name": simple names, "schema": …}}. */
  private final Map<ClassName, ObjectNode> records = new LinkedHashMap<>();

  private OperationWriter() {}

  /**
   * The route's operation, as {@code {"operation": {…}, "records": {canonical name: {"name", "schema"}}}}.
   */
  public static ObjectNode write(HandlerRoute route) {
    OperationWriter writer = new OperationWriter();
    ObjectNode fragment = JSON.objectNode();
    fragment.set("operation", writer.operation(route));
    ObjectNode records = fragment.putObject("records");
    writer.records.forEach((name, record) -> records.set(name.canonicalName(), record));
    return fragment;
  }

  private ObjectNode operation(HandlerRoute route) {
    ObjectNode operation = JSON.objectNode();
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
    List<PathParameter> pathParams = route.pathParams();
    int pathIndex = 0;
    for (Segment segment : route.template().segments()) {
      if (segment instanceof Segment.Param param) {
        PathParameter type = pathParams.get(pathIndex++);
        ObjectNode schema = scalarSchema(type.valueClass(), type.enumConstants());
        if (param.regex() != null) {
          schema.put("pattern", "^(?:" + param.regex() + ")$");
        }
        doc.pathSchemas.put(param.name(), schema);
        doc.parameters.add(JSON.objectNode().put("name", param.name()).put("in", "path").put("required", true)
            .set("schema", schema));
      }
    }
    boolean validated = false;
    for (Binding param : route.params()) {
      validated |= param.isValidated();
      param.document(doc);
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
    Success success = new Success();
    route.result().document(success);
    responses.set(route.result().status(), produced(success.response, route.conditions().produces()));
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
        .put("$ref", PROBLEM_REF);
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

  /** A type's JSON Schema; a record's is a reference to it. */
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
      recordSchema(record);
      return JSON.objectNode().put("$ref", RECORD_REF + record.name().canonicalName());
    }
    if (data.type().toString().equals("byte[]")) {
      return JSON.objectNode().put("type", "string").put("contentEncoding", "base64");
    }
    return JSON.objectNode(); // any JSON value
  }

  /** Lists a record's schema once. */
  private void recordSchema(DataType.Record record) {
    if (records.containsKey(record.name())) {
      return;
    }
    ObjectNode schema = JSON.objectNode().put("type", "object");
    // Listed before its components are: a record may contain itself.
    records.put(record.name(), JSON.objectNode().put("name", String.join(".", record.name().simpleNames()))
        .set("schema", schema));
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
    DataType.JsonKind kind = switch (type.box().toString()) {
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
}
