package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document written at compile time: valid against the official OpenAPI 3.1 schema, read
 * back by the reference parser, and saying what the routes take and give.
 */
class OpenApiTest {
  private static String text;
  private static JsonNode document;

  @BeforeAll
  static void compile() throws IOException {
    GeneratedApp app = RequestDataFixtures.app();
    JavaFileObject file = app.compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/kiln/openapi.json")
        .orElseThrow(() -> new AssertionError("no META-INF/kiln/openapi.json"));
    text = file.getCharContent(true).toString();
    document = new ObjectMapper().readTree(text);
  }

  @Test
  void validatesAgainstTheOfficialOpenApi31Schema() throws IOException {
    // schemas/v3.1/schema.json, 2022-10-07, as published by the OpenAPI Initiative
    try (InputStream schemaText = OpenApiTest.class.getResourceAsStream("/openapi-3.1-schema.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
      Set<ValidationMessage> errors = schema.validate(document);
      assertThat(errors).isEmpty();
      // The validator does reject what is not OpenAPI.
      assertThat(schema.validate(new ObjectMapper().readTree("{\"openapi\": \"3.1.0\", \"paths\": {}}"))).isNotEmpty();
    }
  }

  @Test
  void readsBackWithTheReferenceParser() {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(text);
    assertThat(result.getMessages()).isEmpty();
    OpenAPI api = result.getOpenAPI();
    assertThat(api.getOpenapi()).isEqualTo("3.1.0");
    assertThat(api.getInfo().getTitle()).isEqualTo("Forms");
    assertThat(api.getInfo().getVersion()).isEqualTo("2.0.0");
    assertThat(api.getPaths().get("/people").getPost().getOperationId()).isEqualTo("addPerson");
  }

  @Test
  void operationsCarryTheRouteNameAndTheHandlersJavadoc() {
    JsonNode add = document.at("/paths/~1people/post");
    assertThat(add.get("operationId").asText()).isEqualTo("addPerson");
    assertThat(add.get("summary").asText()).isEqualTo("Adds a person.");
    assertThat(add.get("description").asText()).isEqualTo("Adds a person.\n\nTakes JSON or a form with the same fields.");
    // unnamed routes get the handler's name
    assertThat(document.at("/paths/~1everything/post/operationId").asText()).isEqualTo("Views.everything");
    assertThat(document.at("/info/description").asText()).isEqualTo("People and their papers.");
  }

  @Test
  void bodiesAreReferencedSchemasInEveryMediaTypeTheRouteReads() {
    JsonNode content = document.at("/paths/~1people/post/requestBody/content");
    assertThat(content.fieldNames()).toIterable()
        .containsExactly("application/json", "application/x-www-form-urlencoded", "multipart/form-data");
    assertThat(content.at("/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/Views.Person");
    // A record with files comes only as the multipart its route consumes; without consumes, JSON only.
    assertThat(document.at("/paths/~1papers/post/requestBody/content").fieldNames()).toIterable()
        .containsExactly("multipart/form-data");
    assertThat(document.at("/paths/~1teams/post/requestBody/content").fieldNames()).toIterable()
        .containsExactly("application/json");
    assertThat(document.at("/paths/~1maybe/put/requestBody/required").asBoolean()).isFalse();
    assertThat(document.at("/paths/~1people/post/responses").fieldNames()).toIterable()
        .contains("200", "400", "415", "422");
  }

  @Test
  void constraintsBecomeJsonSchemaKeywords() {
    JsonNode person = document.at("/components/schemas/Views.Person");
    assertThat(person.get("description").asText()).isEqualTo("Someone, as a form or JSON sends them.");
    assertThat(person.get("required")).hasSize(1);
    assertThat(person.at("/required/0").asText()).isEqualTo("name");
    JsonNode name = person.at("/properties/name");
    assertThat(name.get("minLength").asInt()).isEqualTo(1);
    assertThat(name.get("maxLength").asInt()).isEqualTo(32);
    assertThat(person.at("/properties/age/minimum").asInt()).isEqualTo(18);
    assertThat(person.at("/properties/age/maximum").asInt()).isEqualTo(130);
    assertThat(person.at("/properties/age/format").asText()).isEqualTo("int32");
    assertThat(person.at("/properties/email/format").asText()).isEqualTo("email");
    assertThat(person.at("/properties/tags/items/minLength").asInt()).isEqualTo(1);
    assertThat(person.at("/properties/level/enum").toString()).isEqualTo("[\"LOW\",\"HIGH\"]");
    assertThat(person.at("/properties/address/$ref").asText()).isEqualTo("#/components/schemas/Views.Address");
    assertThat(document.at("/components/schemas/Views.Address/properties/zip/description").asText())
        .isEqualTo("the postal code");

    JsonNode everything = document.at("/components/schemas/Views.Everything/properties");
    assertThat(everything.at("/pattern/pattern").asText()).isEqualTo("^(?:[a-z]+)$");
    assertThat(everything.at("/decimalMax/exclusiveMaximum").decimalValue()).isEqualByComparingTo("1.5");
    assertThat(everything.at("/positive/exclusiveMinimum").asInt()).isZero();
    assertThat(everything.at("/counts/maxProperties").asInt()).isEqualTo(1);
    assertThat(everything.at("/notEmpty/minItems").asInt()).isEqualTo(1);
    assertThat(everything.at("/assertTrue/const").asBoolean()).isTrue();
    assertThat(everything.at("/pastOrPresent/format").asText()).isEqualTo("date-time");
  }

  @Test
  void responsesHaveTheSchemaOfTheReturnType() {
    JsonNode person = document.at("/paths/~1people~1{id}/get");
    assertThat(person.at("/responses/200/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Views.Person");
    assertThat(person.at("/parameters").toString()).contains(
        "{\"name\":\"id\",\"in\":\"path\",\"required\":true,\"schema\":{\"type\":\"integer\",\"format\":\"int64\"}}",
        "{\"name\":\"session\",\"in\":\"cookie\",\"required\":false,\"schema\":{\"type\":\"string\"}}");
    assertThat(document.at("/paths/~1people/post/responses/200/content/text~1plain/schema/type").asText())
        .isEqualTo("string");
  }

  @Test
  void parametersHaveTheirPlaceTypeAndConstraints() {
    JsonNode parameters = document.at("/paths/~1fields/post/parameters");
    assertThat(parameters.toString()).contains(
        "{\"name\":\"page\",\"in\":\"query\",\"required\":true,\"schema\":{\"type\":\"integer\",\"format\":\"int32\","
            + "\"minimum\":1}}",
        "{\"name\":\"X-Tag\",\"in\":\"header\",\"required\":false,\"schema\":{\"type\":\"string\","
            + "\"pattern\":\"^(?:[a-z]+)$\"}}");
    JsonNode form = document.at("/paths/~1fields/post/requestBody/content/multipart~1form-data/schema");
    assertThat(form.at("/properties/levels/type").asText()).isEqualTo("array");
    assertThat(form.at("/required").toString()).isEqualTo("[\"title\"]");
    JsonNode team = document.at("/paths/~1teams~1{team}~1people/post/parameters/0");
    assertThat(team.toString()).isEqualTo("{\"name\":\"team\",\"in\":\"path\",\"required\":true,"
        + "\"schema\":{\"type\":\"string\",\"pattern\":\"^(?:[a-z]+)$\"}}");
    assertThat(document.at("/paths/~1scans/post/requestBody/content").fieldNames()).toIterable()
        .containsExactly("multipart/form-data");
    assertThat(document.at("/paths/~1scans/post/requestBody/content/multipart~1form-data/schema/properties/scan/format")
        .asText()).isEqualTo("binary");
  }
}
