package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The compile errors of bodies, forms and constraints: each on the exact line, saying what is wrong
 * and how to fix it.
 */
class BodyDiagnosticsTest {
  private static final JavaFileObject APP = Compilations.source("""
      package app;
      @dev.kiln.Application
      public final class App {}
      """);

  private static JavaFileObject handler(String body) {
    return Compilations.source("package app;\nimport dev.kiln.*;\nimport jakarta.validation.constraints.*;\n"
        + "import java.util.*;\n\npublic class Views {\n" + body + "\n}\n");
  }

  /** A record component with a constraint, and a route reading it as a body. */
  private static String recordWith(String component) {
    return "  public record Input(\n      " + component + ") {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/in\") public String in(@Body Input input) { return \"\"; }";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "@Size(max = 3) int count          | @Size cannot apply to int: it applies to strings, collections, maps and arrays of objects",
      "@NotBlank List<String> tags       | @NotBlank cannot apply to java.util.List<java.lang.String>: it applies to strings (CharSequence)",
      "@Min(1) String count              | @Min cannot apply to java.lang.String: it applies to numbers (primitives, their boxes, BigInteger and BigDecimal)",
      "@Past String when                 | @Past cannot apply to java.lang.String: it applies to Instant, LocalDate, LocalDateTime, OffsetDateTime and ZonedDateTime",
      "@AssertTrue String yes            | @AssertTrue cannot apply to java.lang.String: it applies to booleans",
      "@Email int mail                   | @Email cannot apply to int: it applies to strings (CharSequence)",
      "@NotNull long id                  | @NotNull cannot apply to long: a primitive is never null (a missing JSON field reads as 0 or false); declare the boxed type to require the value",
      "@Size(min = 5, max = 2) String s  | @Size(min = 5, max = 2) can never hold: min must be 0 or more and max at least min",
      "@Digits(integer = -1, fraction = 0) java.math.BigDecimal d | @Digits(integer = -1, fraction = 0): digit counts cannot be negative",
  })
  void aConstraintOnATypeItCannotApplyToIsAnErrorOnTheComponent(String component, String message) {
    JavaFileObject source = handler(recordWith(component));
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedConstraint] " + message)
        .inFile(source).onLineContaining(component);
  }

  @Test
  void aRegexThatDoesNotCompileIsAnErrorOnItsValue() {
    JavaFileObject source = handler(recordWith("@Pattern(regexp = \"[a-z\") String slug"));
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedConstraint] @Pattern regexp does not compile: "
        + "Unclosed character class near index 3").inFile(source).onLineContaining("[a-z");
  }

  @Test
  void aDecimalBoundThatIsNoNumberIsAnError() {
    JavaFileObject source = handler(recordWith("@DecimalMin(\"one\") java.math.BigDecimal price"));
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedConstraint] @DecimalMin(\"one\"): not a decimal number")
        .inFile(source).onLineContaining("\"one\"");
  }

  @Test
  void validationGroupsAreRefused() {
    JavaFileObject source = handler(recordWith("@NotNull(groups = Views.class) String name"));
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("Kiln validates every constraint on every request and has no "
        + "validation groups").inFile(source).onLineContaining("groups");
  }

  @Test
  void aCustomConstraintIsRefusedWithAWayOut() {
    JavaFileObject source = Compilations.source("""
        package app;
        import dev.kiln.*;
        import jakarta.validation.Constraint;
        import java.lang.annotation.*;

        public class Views {
          @Constraint(validatedBy = {})
          @Retention(RetentionPolicy.RUNTIME)
          public @interface Slug {
            String message() default "not a slug";
            Class<?>[] groups() default {};
            Class<? extends jakarta.validation.Payload>[] payload() default {};
          }

          @Route(path = "/p/{slug}") public String p(@Slug String slug) { return slug; }
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedConstraint] @Slug is a custom constraint; Kiln "
        + "generates validation for the jakarta.validation.constraints annotations only")
        .inFile(source).onLineContaining("@Slug String slug");
  }

  @Test
  void aConstraintOnAParameterIsCheckedToo() {
    JavaFileObject source = handler("  @Route(path = \"/p\") public String p(@Query @Size(max = 2) int page) {"
        + " return \"\"; }");
    assertThat(Compilations.compileAllowingWarnings(APP, source))
        .hadErrorContaining("[Kiln/UnsupportedConstraint] @Size cannot apply to int")
        .inFile(source).onLineContaining("@Size(max = 2)");
  }

  @Test
  void twoBodiesAreAnError() {
    JavaFileObject source = handler("  public record A(String a) {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/p\")\n"
        + "  public String p(@Body A first,\n      @Body A second) { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidBody] a request has one body, and p already binds it")
        .inFile(source).onLineContaining("@Body A second");
  }

  @Test
  void aBodyOfAnUploadOrAPrimitiveIsAnError() {
    JavaFileObject source = handler("  @Route(method = HttpMethod.POST, path = \"/p\")\n"
        + "  public String p(@Body Upload file) { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidBody] @Body binds the whole body to a record or another "
        + "type Jackson reads, not to dev.kiln.Upload; take files with @Form(\"name\") Upload")
        .inFile(source).onLineContaining("@Body Upload file");
  }

  @Test
  void aBodyAndAQueryOnOneParameterIsAnError() {
    JavaFileObject source = handler("  public record A(String a) {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/p\")\n"
        + "  public String p(@Body @Query A a) { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("has more than one of @Query, @Header, @Cookie, @Form and @Body")
        .inFile(source).onLineContaining("@Body @Query A a");
  }

  @Test
  void aRecordQueryParameterSuggestsBody() {
    JavaFileObject source = handler("  public record A(String a) {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/p\")\n"
        + "  public String p(@Query A a) { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("to read the request body into app.Views.A, annotate the parameter "
        + "with @Body").inFile(source).onLineContaining("@Query A a");
  }

  @Test
  void aFormFieldOfARecordIsAnError() {
    JavaFileObject source = handler("  public record A(String a) {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/p\")\n"
        + "  public String p(@Form A a) { return \"\"; }");
    Compilation compilation = Compilations.compileAllowingWarnings(APP, source);
    assertThat(compilation).hadErrorContaining("[Kiln/UnsupportedParameterType] cannot bind form field 'a' to "
        + "app.Views.A").inFile(source).onLineContaining("@Form A a");
  }

  @Test
  void aMistakeInARecordManyRoutesUseIsReportedOnce() {
    JavaFileObject source = handler("  public record A(@Size(max = 1) int a) {}\n"
        + "  @Route(method = HttpMethod.POST, path = \"/p\") public String p(@Body A a) { return \"\"; }\n"
        + "  @Route(method = HttpMethod.PUT, path = \"/p\") public String q(@Body A a) { return \"\"; }");
    assertThat(Compilations.compileAllowingWarnings(APP, source)).hadErrorCount(1);
  }
}
