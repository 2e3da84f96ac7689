package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.kiln.internal.routing.Segments;
import dev.kiln.processor.model.ValueType;
import dev.kiln.processor.validation.Languages;
import dev.kiln.settings.SettingsException;
import dev.kiln.settings.SettingsSource;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * One corpus of value texts run through what the processor checks at compile time and what the
 * runtime reads at run time: both use {@code kiln-grammar}, and here they must agree on every text,
 * so a {@code @Default} the compiler accepts is one the runtime reads, and a literal segment the
 * conflict checker counts as an {@code int} is one the router takes for {@code {id}} of type int.
 */
class GrammarCorpusTest {
  private static final List<String> NUMBERS = List.of("0", "7", "-7", "007", "-0", "+5", " 5 ", "5 5", "", "-",
      "1.5", ".5", "5.", "-1e3", "1E-3", "1e+3", "+1.5", "1e", "NaN", "Infinity", "0x10", "1f", "1d", "\uFF15",
      "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
      "-9223372036854775808", "-9223372036854775809", "0000000000000000000009223372036854775807");
  private static final List<String> BOOLEANS = List.of("true", "FALSE", "Yes", "no", "on", "OFF", "1", "0", " true ",
      "", "y", "2", "truex", "maybe");
  private static final List<String> DURATIONS = List.of("250ms", "30s", "5m", "2h", "1d", " 10s ", "PT1M30S", "pt2s",
      "", "30", "30 s", "5S", "-5s", "+5s", "1.5s", "\uFF15s", "P", "PTXS", "soon", "123456789012345s",
      "1234567890123456s");
  private static final List<String> UUIDS = List.of("123e4567-e89b-12d3-a456-426614174000",
      "123E4567-E89B-12D3-A456-426614174000", "123e4567e89b12d3a456426614174000",
      "123e4567-e89b-12d3-a456-42661417400g", "{123e4567-e89b-12d3-a456-426614174000}");

  private record Sample(String type, String text) {
    String accessor(int index, boolean withDefault) {
      return (withDefault ? "  @Default(\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\") " : "  ")
          + type + " v" + index + "();\n";
    }
  }

  private static List<Sample> corpus() {
    List<Sample> samples = new ArrayList<>();
    for (String type : List.of("int", "long", "double")) {
      NUMBERS.forEach(text -> samples.add(new Sample(type, text)));
    }
    BOOLEANS.forEach(text -> samples.add(new Sample("boolean", text)));
    DURATIONS.forEach(text -> samples.add(new Sample("Duration", text)));
    return samples;
  }

  private static String settings(String name, List<Sample> samples, Set<Integer> defaulted) {
    StringBuilder source = new StringBuilder("package corpus;\nimport dev.kiln.*;\nimport java.time.Duration;\n"
        + "@Settings(prefix = \"corpus\")\npublic interface " + name + " {\n");
    for (int i = 0; i < samples.size(); i++) {
      if (defaulted == null || defaulted.contains(i)) {
        source.append(samples.get(i).accessor(i, defaulted != null));
      }
    }
    return source.append("}\n").toString();
  }

  @Test
  void settingsDefaultsAreCheckedAsTheRuntimeReadsThem() throws Exception {
    List<Sample> samples = corpus();
    Set<Integer> all = new TreeSet<>();
    for (int i = 0; i < samples.size(); i++) {
      all.add(i);
    }

    // the compiler's verdict: every text as a @Default
    Compilation checked = Compilations.compileAllowingWarnings(Compilations.source(settings("Checked", samples, all)));
    Set<Integer> refusedByProcessor = new TreeSet<>();
    Pattern accessor = Pattern.compile("of v(\\d+)\\(\\)");
    for (Diagnostic<?> error : checked.errors()) {
      Matcher m = accessor.matcher(error.getMessage(null));
      assertThat(m.find()).as(error.getMessage(null)).isTrue();
      refusedByProcessor.add(Integer.parseInt(m.group(1)));
    }

    // the runtime's verdict: every text as a system property, read by the generated loader
    Compilation read = Compilations.compile(Compilations.source(settings("Read", samples, null)));
    assertThat(read).succeeded();
    Map<String, String> properties = new HashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      properties.put("corpus.v" + i, samples.get(i).text());
    }
    Set<Integer> refusedByRuntime = new TreeSet<>();
    try {
      load(read, "corpus.ReadValues", SettingsSource.of(properties, Map.of()));
    } catch (SettingsException e) {
      Pattern problem = Pattern.compile("^v(\\d+) = ");
      for (String line : e.problems()) {
        Matcher m = problem.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        refusedByRuntime.add(Integer.parseInt(m.group(1)));
      }
    }

    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      if (refusedByProcessor.contains(i) != refusedByRuntime.contains(i)) {
        disagreements.add(samples.get(i) + (refusedByProcessor.contains(i) ? " refused by the processor only"
            : " refused by the runtime only"));
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(refusedByProcessor).as("the corpus has both kinds").isNotEmpty().isNotEqualTo(all);

    // and what the compiler accepts as a default, the runtime reads as the same value
    Set<Integer> accepted = new TreeSet<>(all);
    accepted.removeAll(refusedByProcessor);
    Compilation defaulted = Compilations.compile(Compilations.source(settings("Defaulted", samples, accepted)));
    assertThat(defaulted).succeeded();
    Object fromDefaults = load(defaulted, "corpus.DefaultedValues", SettingsSource.of(Map.of(), Map.of()));
    Map<String, String> acceptedProperties = new HashMap<>();
    accepted.forEach(i -> acceptedProperties.put("corpus.v" + i, samples.get(i).text()));
    Object fromProperties = load(defaulted, "corpus.DefaultedValues", SettingsSource.of(acceptedProperties, Map.of()));
    for (int i : accepted) {
      assertThat(fromDefaults.getClass().getMethod("v" + i).invoke(fromDefaults)).as(samples.get(i).toString())
          .isEqualTo(fromProperties.getClass().getMethod("v" + i).invoke(fromProperties));
    }
  }

  @Test
  void theConflictCheckersSegmentLanguagesAreTheRoutersTests() {
    Map<ValueType, List<String>> corpus = Map.of(ValueType.INT, NUMBERS, ValueType.LONG, NUMBERS,
        ValueType.DOUBLE, NUMBERS, ValueType.BOOLEAN, BOOLEANS, ValueType.UUID, UUIDS);
    List<String> disagreements = new ArrayList<>();
    corpus.forEach((type, texts) -> {
      for (String text : texts) {
        boolean compileTime = Languages.narrowing(type, List.of()).run(text);
        boolean runTime = switch (type) {
          case INT -> Segments.isInt(text, 0, text.length());
          case LONG -> Segments.isLong(text, 0, text.length());
          case DOUBLE -> Segments.isDecimal(text, 0, text.length());
          case BOOLEAN -> Segments.isBoolean(text, 0, text.length());
          case UUID -> Segments.isUuid(text, 0, text.length());
          default -> throw new AssertionError(type);
        };
        if (compileTime != runTime) {
          disagreements.add(type + " \"" + text + "\": " + (compileTime ? "only the processor" : "only the router")
              + " takes it");
        }
      }
    });
    assertThat(disagreements).isEmpty();
  }

  private static Object load(Compilation compilation, String values, SettingsSource source) throws Exception {
    try {
      return Compilations.classLoader(compilation).loadClass(values).getMethod("load", SettingsSource.class)
          .invoke(null, source);
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }
}
