package dev.kiln.processor;

import javax.tools.JavaFileObject;

/** An application that takes bodies, forms and files, with constraints on all of them. */
final class RequestDataFixtures {
  private RequestDataFixtures() {}

  static final JavaFileObject APP = Compilations.source("""
      package forms;

      /** People and their papers. */
      @dev.kiln.Application(title = "Forms", version = "2.0.0")
      public final class FormsApp {}
      """);

  static final JavaFileObject VIEWS = Compilations.source("""
      package forms;

      import dev.kiln.*;
      import jakarta.validation.constraints.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;

      public final class Views {
        public enum Level { LOW, HIGH }

        /**
         * Where someone lives.
         *
         * @param street the street and number
         * @param zip the postal code
         */
        public record Address(@NotBlank String street, @Size(max = 5) String zip) {}

        /** Someone, as a form or JSON sends them. */
        public record Person(
            @NotBlank @Size(min = 1, max = 32) String name,
            @Min(18) @Max(130) int age,
            @Email String email,
            Address address,
            List<@NotBlank String> tags,
            @Size(max = 3) Optional<String> nickname,
            Level level,
            boolean subscribed) {}

        /** A team and its members: JSON only, as forms have no lists of records. */
        public record Team(@NotBlank String name, @Size(max = 2) List<Person> members, List<Address> offices) {}

        /** One component per constraint. */
        public record Everything(
            @NotNull String notNull,
            @Null String mustBeNull,
            @NotBlank String notBlank,
            @NotEmpty List<String> notEmpty,
            @Size(min = 2, max = 3) String size,
            @Min(5) long min,
            @Max(5) Integer max,
            @DecimalMin("0.5") BigDecimal decimalMin,
            @DecimalMax(value = "1.5", inclusive = false) double decimalMax,
            @Positive int positive,
            @PositiveOrZero Long positiveOrZero,
            @Negative int negative,
            @NegativeOrZero double negativeOrZero,
            @Digits(integer = 2, fraction = 1) BigDecimal digits,
            @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE) String pattern,
            @Email String email,
            @AssertTrue boolean assertTrue,
            @AssertFalse Boolean assertFalse,
            @Past LocalDate past,
            @PastOrPresent Instant pastOrPresent,
            @Future LocalDate future,
            @FutureOrPresent OffsetDateTime futureOrPresent,
            @Size(max = 1, message = "at most {max} item, please") Map<String, Integer> counts) {}

        /** A paper with its scan. */
        public record Paper(@NotBlank String title, Upload scan, List<Upload> pages) {}

        /**
         * Adds a person.
         *
         * <p>Takes JSON or a form with the same fields.
         */
        @Route(method = HttpMethod.POST, path = "/people", name = "addPerson",
            consumes = {Route.JSON, Route.FORM, Route.MULTIPART})
        public String add(@Body Person person) {
          return person.toString();
        }

        /** One person, as JSON. */
        @Route(path = "/people/{id}", name = "person")
        public Person person(long id, @Cookie("session") Optional<String> session) {
          return new Person("Ada", 36, null, null, List.of(), Optional.empty(), Level.LOW, false);
        }

        @Route(method = HttpMethod.POST, path = "/teams")
        public String team(@Body Team team) {
          return team.name() + ":" + team.members().size();
        }

        @Route(method = HttpMethod.POST, path = "/everything")
        public String everything(@Body Everything everything) {
          return "ok";
        }

        @Route(method = HttpMethod.PUT, path = "/maybe")
        public String maybe(@Body Optional<Person> person) {
          return person.map(Person::name).orElse("none");
        }

        @Route(method = HttpMethod.POST, path = "/teams/{team:[a-z]+}/people")
        public String many(String team, @Body @Size(max = 2) List<Person> people) {
          return team + ":" + people.size();
        }

        @Route(method = HttpMethod.POST, path = "/fields")
        public String fields(@Form("title") String title, @Form Optional<Integer> count, @Form List<Level> levels,
            @Query @Min(1) int page, @Header("X-Tag") @Pattern(regexp = "[a-z]+") Optional<String> tag) {
          return title + "|" + count + "|" + levels + "|" + page + "|" + tag;
        }

        @Route(method = HttpMethod.POST, path = "/papers", consumes = Route.MULTIPART)
        public String paper(@Body Paper paper) throws java.io.IOException {
          return paper.title() + ":" + paper.scan().filename() + "=" + new String(paper.scan().bytes())
              + ":" + paper.pages().size();
        }

        @Route(method = HttpMethod.POST, path = "/scans")
        public String scans(@Form("scan") Upload scan, @Form("extra") Optional<Upload> extra,
            @Form("note") @NotBlank String note) {
          return scan.filename() + "," + scan.contentType() + "," + scan.size() + "," + extra.isPresent() + "," + note;
        }
      }
      """);

  static final JavaFileObject FIXTURE = Compilations.source("""
      package forms;

      public final class Fixture implements java.util.function.Supplier<dev.kiln.Router> {
        @Override
        public dev.kiln.Router get() {
          return FormsAppRoutes.create();
        }
      }
      """);

  static GeneratedApp app() {
    return GeneratedApp.compile("forms.Fixture", APP, VIEWS, FIXTURE);
  }
}
