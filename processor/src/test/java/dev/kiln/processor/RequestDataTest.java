package dev.kiln.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.routing.InMemory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated body binding and validation, run in memory: JSON and forms into the same record, every
 * constraint, violations with their paths, and the 400s and 415s of bodies that cannot be read.
 */
class RequestDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PERSON = """
      {"name": "Ada", "age": 36, "email": "ada@example.org", "address": {"street": "1 Loop", "zip": "12345"},
       "tags": ["math", "engines"], "nickname": "A",
       "level": "HIGH", "subscribed": true}
      """;

  private static GeneratedApp app;

  @BeforeAll
  static void compile() {
    app = RequestDataFixtures.app();
  }

  private static Response post(String target, String contentType, String body) {
    return post(HttpMethod.POST, target, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Response post(HttpMethod method, String target, String contentType, byte[] body) {
    InMemory.Builder request = InMemory.request(method, target).body(body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return app.call(request.build());
  }

  private static JsonNode problem(Response response, int status) throws Exception {
    assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    return JSON.readTree(response.bytes());
  }

  /** {@code in path: message} of every violation, in order. */
  private static List<String> violations(Response response) throws Exception {
    List<String> found = new ArrayList<>();
    for (JsonNode violation : problem(response, 422).get("violations")) {
      found.add(violation.get("in").asText() + " " + violation.get("path").asText() + ": "
          + violation.get("message").asText());
    }
    return found;
  }

  @Test
  void jsonBodyBindsTheRecord() {
    Response response = post("/people", "application/json", PERSON);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("Person[name=Ada, age=36, email=ada@example.org, "
        + "address=Address[street=1 Loop, zip=12345], tags=[math, engines], nickname=Optional[A], level=HIGH, "
        + "subscribed=true]");
  }

  @Test
  void urlencodedFormBindsTheSameRecordWithNestedFieldsByDottedName() {
    Response response = post("/people", "application/x-www-form-urlencoded; charset=UTF-8",
        "name=Ada&age=36&email=ada%40example.org&address.street=1+Loop&address.zip=12345&tags=math&tags=engines"
            + "&nickname=A&level=high&subscribed=on");
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("Person[name=Ada, age=36, email=ada@example.org, "
        + "address=Address[street=1 Loop, zip=12345], tags=[math, engines], nickname=Optional[A], level=HIGH, "
        + "subscribed=true]");
  }

  @Test
  void multipartFormBindsTheSameRecord() {
    Multipart body = new Multipart()
        .field("name", "Ada").field("age", "36").field("address.street", "1 Loop").field("tags", "math");
    Response response = post(HttpMethod.POST, "/people", body.contentType(), body.bytes());
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.bodyText()).startsWith("Person[name=Ada, age=36, email=null, "
        + "address=Address[street=1 Loop, zip=null], tags=[math], nickname=Optional.empty, level=null, "
        + "subscribed=false]");
  }

  @Test
  void emptyFormFieldsOfNumbersReadAsAbsent() throws Exception {
    // A browser sends every input, filled or not: an empty age is a missing one (0, below @Min(18)).
    Response response = post("/people", "application/x-www-form-urlencoded", "name=Ada&age=&address.street=x");
    assertThat(violations(response)).containsExactly("body $.age: must be greater than or equal to 18");
  }

  @Test
  void violationsListEveryOneWithItsPathThroughNestedRecordsAndLists() throws Exception {
    Response response = post("/people", "application/json", """
        {"name": " ", "age": 12, "email": "not an email", "address": {"street": "", "zip": "123456"},
         "tags": ["ok", " "], "nickname": "long"}
        """);
    assertThat(violations(response)).containsExactly(
        "body $.name: must not be blank",
        "body $.age: must be greater than or equal to 18",
        "body $.email: must be a well-formed email address",
        "body $.address.street: must not be blank",
        "body $.address.zip: size must be at most 5",
        "body $.tags[1]: must not be blank",
        "body $.nickname: size must be at most 3");
    JsonNode problem = JSON.readTree(response.bytes());
    assertThat(problem.get("title").asText()).isEqualTo("Unprocessable Entity");
    assertThat(problem.get("detail").asText()).isEqualTo("7 constraint violations");
    assertThat(problem.get("violations").get(0).get("constraint").asText()).isEqualTo("NotBlank");
  }

  @Test
  void everyConstraintIsChecked() throws Exception {
    Response broken = post("/everything", "application/json", """
        {"notNull": null, "mustBeNull": "x", "notBlank": "  ", "notEmpty": [], "size": "a", "min": 4, "max": 6,
         "decimalMin": 0.49, "decimalMax": 1.5, "positive": 0, "positiveOrZero": -1, "negative": 0,
         "negativeOrZero": 0.1, "digits": 123.4, "pattern": "a1", "email": "a@b@c", "assertTrue": false,
         "assertFalse": true, "past": "%s", "pastOrPresent": "2999-01-01T00:00:00Z", "future": "2000-01-01",
         "futureOrPresent": "2000-01-01T00:00:00Z", "counts": {"a": 1, "b": 2}}
        """.formatted(LocalDate.now().plusDays(1)));
    assertThat(violations(broken)).containsExactly(
        "body $.notNull: must not be null",
        "body $.mustBeNull: must be null",
        "body $.notBlank: must not be blank",
        "body $.notEmpty: must not be empty",
        "body $.size: size must be between 2 and 3",
        "body $.min: must be greater than or equal to 5",
        "body $.max: must be less than or equal to 5",
        "body $.decimalMin: must be greater than or equal to 0.5",
        "body $.decimalMax: must be less than 1.5",
        "body $.positive: must be greater than 0",
        "body $.positiveOrZero: must be greater than or equal to 0",
        "body $.negative: must be less than 0",
        "body $.negativeOrZero: must be less than or equal to 0",
        "body $.digits: numeric value out of bounds (<2 digits>.<1 digits> expected)",
        "body $.pattern: must match \"[a-z]+\"",
        "body $.email: must be a well-formed email address",
        "body $.assertTrue: must be true",
        "body $.assertFalse: must be false",
        "body $.past: must be a past date",
        "body $.pastOrPresent: must be a date in the past or in the present",
        "body $.future: must be a future date",
        "body $.futureOrPresent: must be a date in the present or in the future",
        "body $.counts: at most 1 item, please");

    Response valid = post("/everything", "application/json", """
        {"notNull": "x", "mustBeNull": null, "notBlank": "x", "notEmpty": ["x"], "size": "ab", "min": 5, "max": 5,
         "decimalMin": 0.5, "decimalMax": 1.49, "positive": 1, "positiveOrZero": 0, "negative": -1,
         "negativeOrZero": 0, "digits": 12.3, "pattern": "ABC", "email": "a.b+c@example.co.uk", "assertTrue": true,
         "assertFalse": false, "past": "2000-01-01", "pastOrPresent": "2000-01-01T00:00:00Z", "future": "2999-01-01",
         "futureOrPresent": "2999-01-01T00:00:00Z", "counts": {"a": 1}}
        """);
    assertThat(valid.status()).as(valid.bodyText()).isEqualTo(200);
  }

  @Test
  void nullValuesSatisfyEveryConstraintButTheNotOnes() throws Exception {
    Response response = post("/everything", "application/json", "{\"assertTrue\": true, \"min\": 5, \"positive\": 1, "
        + "\"negative\": -1}");
    assertThat(violations(response)).containsExactly(
        "body $.notNull: must not be null", "body $.notBlank: must not be blank", "body $.notEmpty: must not be empty");
  }

  @Test
  void malformedJsonIsA400SayingWhere() throws Exception {
    JsonNode problem = problem(post("/people", "application/json", "{\"name\": \"Ada\",\n \"age\": }"), 400);
    assertThat(problem.get("detail").asText()).startsWith("malformed JSON at line 2, column 9: ");
    assertThat(problem.get("line").asInt()).isEqualTo(2);
    assertThat(problem.get("column").asInt()).isEqualTo(9);
  }

  @Test
  void aValueOfTheWrongTypeIsA400WithItsPath() throws Exception {
    JsonNode problem = problem(post("/teams", "application/json", "{\"offices\": [{\"street\": {}}]}"), 400);
    assertThat(problem.get("path").asText()).isEqualTo("$.offices[0].street");
    assertThat(problem.get("detail").asText()).startsWith("invalid JSON at $.offices[0].street: ");
  }

  @Test
  void anUnconvertibleFormFieldIsA400NamingIt() throws Exception {
    Response response = post("/people", "application/x-www-form-urlencoded", "name=Ada&age=old");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("form field 'age': expected an integer, got \"old\"");
  }

  @Test
  void aMalformedFormIsA400() throws Exception {
    JsonNode problem = problem(post("/people", "application/x-www-form-urlencoded", "name=%zz"), 400);
    assertThat(problem.get("detail").asText()).startsWith("malformed form body: ");
  }

  @Test
  void aMissingBodyIsA400AndAnOptionalOneIsEmpty() throws Exception {
    assertThat(problem(post("/people", null, ""), 400).get("detail").asText())
        .isEqualTo("missing required request body");
    assertThat(problem(post("/people", "application/json", ""), 400).get("detail").asText())
        .isEqualTo("missing required request body");
    assertThat(problem(post("/people", "application/json", "null"), 400).get("detail").asText())
        .contains("JSON null");
    assertThat(post(HttpMethod.PUT, "/maybe", null, new byte[0]).bodyText()).isEqualTo("none");
    assertThat(post(HttpMethod.PUT, "/maybe", "application/json", PERSON.getBytes(StandardCharsets.UTF_8)).bodyText())
        .isEqualTo("Ada");
  }

  @Test
  void anUnsupportedContentTypeIsA415ListingWhatTheRouteReads() throws Exception {
    // Refused by the table: the route's consumes does not list it, so its binder never runs.
    assertThat(problem(post("/people", "text/plain", "Ada"), 415).get("detail").asText())
        .isEqualTo("Content-Type text/plain is not accepted by POST /people; send application/json, "
            + "application/x-www-form-urlencoded or multipart/form-data");
    assertThat(problem(post("/people", null, "Ada"), 415).get("detail").asText())
        .startsWith("a request body without Content-Type is not accepted");
    // A list of records has no form; a record with files has no JSON.
    assertThat(problem(post("/teams/a/people", "application/x-www-form-urlencoded", "name=Ada"), 415)
        .get("detail").asText()).endsWith("send application/json");
    assertThat(problem(post("/papers", "application/json", "{\"title\": \"x\"}"), 415).get("detail").asText())
        .endsWith("send multipart/form-data");
    assertThat(post("/people", "application/vnd.person+json", PERSON).status()).isEqualTo(200);
  }

  @Test
  void recordsInListsInRecordsAreValidatedThrough() throws Exception {
    String members = "[" + PERSON + "," + PERSON + "," + PERSON.replace("\"Ada\"", "\" \"") + "]";
    Response response = post("/teams", "application/json", "{\"name\": \"\", \"members\": " + members
        + ", \"offices\": [{\"street\": \"x\", \"zip\": \"1234567\"}]}");
    assertThat(violations(response)).containsExactly(
        "body $.name: must not be blank",
        "body $.members: size must be at most 2",
        "body $.members[2].name: must not be blank",
        "body $.offices[0].zip: size must be at most 5");
  }

  @Test
  void constraintsOnTheBodyItselfAndOnItsElements() throws Exception {
    String three = "[" + PERSON + "," + PERSON + "," + PERSON.replace("\"Ada\"", "\"\"") + "]";
    assertThat(violations(post("/teams/a/people", "application/json", three))).containsExactly(
        "body $: size must be at most 2",
        "body $[2].name: must not be blank",
        "body $[2].name: size must be between 1 and 32");
    assertThat(post("/teams/a/people", "application/json", "[" + PERSON + "]").bodyText()).isEqualTo("a:1");
  }

  @Test
  void formFieldsConvertLikeQueryParametersAndParametersAreValidated() throws Exception {
    Response ok = app.call(InMemory.request(HttpMethod.POST, "/fields?page=2")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Tag", "abc")
        .body("title=Hi&count=3&levels=low&levels=HIGH").build());
    assertThat(ok.bodyText()).isEqualTo("Hi|Optional[3]|[LOW, HIGH]|2|Optional[abc]");

    Response missing = post("/fields?page=1", "application/x-www-form-urlencoded", "count=3");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.bodyText()).contains("missing required form field 'title'");

    Response invalid = app.call(InMemory.request(HttpMethod.POST, "/fields?page=0")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Tag", "ABC")
        .body("title=Hi").build());
    assertThat(violations(invalid)).containsExactly(
        "query page: must be greater than or equal to 1", "header X-Tag: must match \"[a-z]+\"");
  }

  @Test
  void multipartFilesBindToUploadParametersAndRecordComponents() throws Exception {
    Multipart scans = new Multipart()
        .file("scan", "../../etc/passwd", "image/png", "PNG!".getBytes(StandardCharsets.UTF_8))
        .field("note", "first");
    Response response = post(HttpMethod.POST, "/scans", scans.contentType(), scans.bytes());
    assertThat(response.bodyText()).isEqualTo("passwd,image/png,4,false,first");

    Multipart paper = new Multipart()
        .field("title", "Minutes")
        .file("scan", "/var/tmp/a.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
        .file("pages", "1.txt", "text/plain", new byte[] {1})
        .file("pages", "2.txt", "text/plain", new byte[] {2});
    assertThat(post(HttpMethod.POST, "/papers", paper.contentType(), paper.bytes()).bodyText())
        .isEqualTo("Minutes:a.txt=hello:2");

    Multipart noScan = new Multipart().field("note", "x");
    JsonNode problem = problem(post(HttpMethod.POST, "/scans", noScan.contentType(), noScan.bytes()), 400);
    assertThat(problem.get("detail").asText()).isEqualTo("missing required file 'scan'");
  }

  @Test
  void generatedValidationReadsLikeHandWrittenCode() {
    String source = Compilations.generatedSource(app.compilation, "forms.Views_Endpoints");
    assertThat(source).contains(String.join("\n",
        "  private static void validate(Views.Address value, Violations violations) {",
        "    String street = value.street();",
        "    if (!Constraints.notBlank(street)) {",
        "      violations.addField(\"street\", \"NotBlank\", \"must not be blank\");",
        "    }"));
    // nested records: the path is kept by Violations, not built per request
    assertThat(source).contains(String.join("\n",
        "    violations.enter(\"address\");",
        "    if (address != null) {",
        "      validate(address, violations);",
        "    }",
        "    violations.exit();"));
    // one type per body type, made once, though two routes (/people, /maybe) read a Person
    assertThat(source.split("JavaType PERSON_JSON = ", -1)).hasSize(2);
    assertThat(source).contains("static final JavaType PERSON_JSON = Json.type(Views.Person.class);")
        .contains("Bodies.json(request, JsonTypes.PERSON_JSON)");
    assertThat(source).contains("Person person = switch (Bodies.kind(request)) {");
    assertThat(source).contains("case URLENCODED, MULTIPART -> personFromForm(request);");
    assertThat(source).contains("String addressStreet = form.first(\"address.street\");");
  }

  /** A multipart/form-data body, written as a browser would. */
  static final class Multipart {
    private static final String BOUNDARY = "----KilnBoundary7MA4YWxkTrZu0gW";
    private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

    Multipart field(String name, String value) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
      return this;
    }

    Multipart file(String name, String filename, String type, byte[] content) {
      write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
          + "\"\r\nContent-Type: " + type + "\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + BOUNDARY;
    }

    byte[] bytes() {
      java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
      copy.writeBytes(out.toByteArray());
      copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
      return copy.toByteArray();
    }

    private void write(String text) {
      out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}
