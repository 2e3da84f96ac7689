package dev.kiln.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.kiln.settings.SettingsException;
import dev.kiln.settings.SettingsSource;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generated {@code @Settings} implementations: every type, defaults, precedence, names, secrets and mistakes. */
class SettingsTest {
  private static final JavaFileObject SETTINGS = Compilations.source("""
      package conf;

      import dev.kiln.*;
      import java.net.URI;
      import java.nio.file.Path;
      import java.time.Duration;
      import java.util.*;

      @Settings(prefix = "shop")
      public interface ShopSettings extends ServerSettings {
        enum Mode { FAST, SAFE }

        /** Locale of pages when the browser states none. More text. */
        @Default("en_US") String defaultLocale();
        @Default("3") long retries();
        @Default("0.5") double ratio();
        @Default("yes") boolean cache();
        @Default("5m") Duration sessionTimeout();
        @Default("PT1H") Duration tokenLifetime();
        @Default("https://example.org/") URI homepage();
        @Default("/tmp") Path dataDir();
        @Default("safe") Mode mode();
        @Default("a, b,,c") List<String> origins();
        Optional<URI> databaseUrl();
        Optional<Integer> workers();
        @Secret String apiKey();
        @Secret Optional<Integer> pin();
        Integer maxItems();
      }
      """);

  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile(SETTINGS);
    assertThat(compilation).succeeded();
    loader = Compilations.classLoader(compilation);
  }

  private static Object load(Map<String, String> properties, Map<String, String> environment) {
    return load(SettingsSource.of(properties, environment));
  }

  private static Object load(SettingsSource source) {
    try {
      return loader.loadClass("conf.ShopSettingsValues").getMethod("load", SettingsSource.class).invoke(null, source);
    } catch (InvocationTargetException e) {
      throw (RuntimeException) e.getCause();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Object get(Object settings, String name) {
    try {
      return loader.loadClass("conf.ShopSettings").getMethod(name).invoke(settings);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String describe(Object settings) {
    try {
      return (String) settings.getClass().getMethod("describe").invoke(settings);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static final Map<String, String> REQUIRED = Map.of("SHOP_API_KEY", "k3y", "SHOP_MAX_ITEMS", "10");

  @Test
  void defaultsOfEveryType() {
    Object settings = load(Map.of(), REQUIRED);
    assertThat(get(settings, "defaultLocale")).isEqualTo("en_US");
    assertThat(get(settings, "retries")).isEqualTo(3L);
    assertThat(get(settings, "ratio")).isEqualTo(0.5);
    assertThat(get(settings, "cache")).isEqualTo(true);
    assertThat(get(settings, "sessionTimeout")).isEqualTo(Duration.ofMinutes(5));
    assertThat(get(settings, "tokenLifetime")).isEqualTo(Duration.ofHours(1));
    assertThat(get(settings, "homepage")).isEqualTo(URI.create("https://example.org/"));
    assertThat(get(settings, "dataDir")).isEqualTo(Path.of("/tmp"));
    assertThat(get(settings, "mode").toString()).isEqualTo("SAFE");
    assertThat(get(settings, "origins")).isEqualTo(List.of("a", "b", "c"));
    assertThat(get(settings, "databaseUrl")).isEqualTo(Optional.empty());
    assertThat(get(settings, "workers")).isEqualTo(Optional.empty());
    assertThat(get(settings, "apiKey")).isEqualTo("k3y");
    assertThat(get(settings, "maxItems")).isEqualTo(10);
    // inherited from ServerSettings
    assertThat(get(settings, "port")).isEqualTo(8000);
    assertThat(get(settings, "requestTimeout")).isEqualTo(Duration.ofSeconds(60));
    assertThat(get(settings, "accessLog")).isEqualTo(true);
  }

  @Test
  void valuesConvertFromText() {
    Object settings = load(Map.of(), Map.of("SHOP_API_KEY", "k", "SHOP_MAX_ITEMS", "1", "SHOP_CACHE", "off",
        "SHOP_SESSION_TIMEOUT", "250ms", "SHOP_DATABASE_URL", "postgresql://localhost/shop", "SHOP_WORKERS", "4",
        "SHOP_MODE", "FAST", "SHOP_PORT", "9000", "SHOP_DEBUG", "1"));
    assertThat(get(settings, "cache")).isEqualTo(false);
    assertThat(get(settings, "sessionTimeout")).isEqualTo(Duration.ofMillis(250));
    assertThat(get(settings, "databaseUrl")).isEqualTo(Optional.of(URI.create("postgresql://localhost/shop")));
    assertThat(get(settings, "workers")).isEqualTo(Optional.of(4));
    assertThat(get(settings, "mode").toString()).isEqualTo("FAST");
    assertThat(get(settings, "port")).isEqualTo(9000);
    assertThat(get(settings, "debug")).isEqualTo(true);
  }

  @Test
  void precedenceIsOverridesThenPropertiesThenEnvironmentThenFileThenDefault(@TempDir Path directory)
      throws Exception {
    Path file = Files.writeString(directory.resolve("shop.properties"),
        "shop.retries=4\nshop.ratio=0.25\nshop.defaultLocale=de_DE\nshop.apiKey=from-file\nshop.maxItems=1\n"
            + "shop.cache=no\n");
    SettingsSource source = SettingsSource.of(Map.of("shop.retries", "6", "shop.ratio", "0.75"),
            Map.of("SHOP_RETRIES", "5", "SHOP_RATIO", "0.5", "SHOP_DEFAULT_LOCALE", "fr_FR"))
        .file(file)
        .overrides(Map.of("retries", "7"));
    Object settings = load(source);
    assertThat(get(settings, "retries")).isEqualTo(7L);
    assertThat(get(settings, "ratio")).isEqualTo(0.75);
    assertThat(get(settings, "defaultLocale")).isEqualTo("fr_FR");
    assertThat(get(settings, "apiKey")).isEqualTo("from-file");
    assertThat(get(settings, "cache")).isEqualTo(false); // the file beats the default
    assertThat(get(settings, "sessionTimeout")).isEqualTo(Duration.ofMinutes(5));
    assertThat(describe(settings).replaceAll(" +=", " ="))
        .contains("retries = 7  (--retries)")
        .contains("ratio = 0.75  (system property shop.ratio)")
        .contains("defaultLocale = fr_FR  (environment SHOP_DEFAULT_LOCALE)")
        .contains("apiKey = ****  (" + file + " shop.apiKey)")
        .contains("cache = false  (" + file + " shop.cache)")
        .contains("sessionTimeout = 5m  (default)")        // as written, not PT5M
        .contains("tokenLifetime = PT1H  (default)")
        .contains("databaseUrl = (unset)  (unset)");
  }

  @Test
  void everyProblemIsReportedAtOnceWithSecretsMasked() {
    assertThatThrownBy(() -> load(Map.of("shop.port", "eighty"), Map.of("SHOP_SESSION_TIMEOUT", "soon",
        "SHOP_API_KEY", "", "SHOP_MODE", "slow")))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).containsExactly(
            "port = \"eighty\" (from system property shop.port): expected an integer for int",
            "sessionTimeout = \"soon\" (from environment SHOP_SESSION_TIMEOUT): expected a duration such as 30s, 5m, "
                + "250ms or PT1H for Duration",
            "mode = \"slow\" (from environment SHOP_MODE): expected one of FAST, SAFE for Mode",
            "maxItems: missing; set --max-items, environment SHOP_MAX_ITEMS or system property shop.maxItems (Integer)"))
        .hasMessageStartingWith("4 invalid settings:");
    // an invalid secret is named, never shown
    assertThatThrownBy(() -> load(Map.of(), Map.of("SHOP_API_KEY", "k", "SHOP_MAX_ITEMS", "1", "SHOP_PIN", "12x4")))
        .hasMessage("Invalid setting: pin = \"****\" (from environment SHOP_PIN): expected an integer for Integer")
        .hasMessageNotContaining("12x4");
  }

  @Test
  void valuesOutsideTheirBoundsAreProblemsLikeAnyOther() {
    assertThatThrownBy(() -> load(Map.of("shop.port", "-5"), Map.of("SHOP_API_KEY", "k", "SHOP_MAX_ITEMS", "1",
        "SHOP_IO_THREADS", "-1", "SHOP_REQUEST_TIMEOUT", "0s", "SHOP_SHUTDOWN_TIMEOUT", "0s")))
        .isInstanceOf(SettingsException.class)
        .satisfies(e -> assertThat(((SettingsException) e).problems()).containsExactly(
            "port = \"-5\" (from system property shop.port): expected 0..65535 for int",
            "ioThreads = \"-1\" (from environment SHOP_IO_THREADS): expected >= 0 for int",
            "requestTimeout = \"0s\" (from environment SHOP_REQUEST_TIMEOUT): expected > 0 for Duration"));
    Object settings = load(Map.of("shop.port", "65535"), REQUIRED);
    assertThat(get(settings, "port")).isEqualTo(65535);
  }

  @Test
  void boundsGoOnNumbersAndDurationsAndHoldTheirDefault() {
    JavaFileObject source = Compilations.source("""
        package conf;
        import dev.kiln.*;
        import jakarta.validation.constraints.*;
        @Settings
        public interface Bounded {
          @Min(1) @Max(10) @Default("3") int workers();
          @Min(1) @Default("x") String name();
          @Max(10) @Default("50") long limit();
        }
        """);
    Compilation compilation = Compilations.compileAllowingWarnings(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidSetting] @Min cannot bound setting name(): settings take "
        + "@Min and @Max on int and long").inFile(source).onLineContaining("String name()");
    assertThat(compilation).hadErrorContaining("@Default(\"50\") of limit() is outside its own bounds, at most 10")
        .inFile(source).onLineContaining("long limit()");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"true, true", "FALSE, false", "yes, true", "No, false", "on, true", "off, false", "1, true", "0, false"})
  void booleansReadTheWaysPeopleWriteThem(String text, boolean value) {
    Object settings = load(Map.of(), Map.of("SHOP_API_KEY", "k", "SHOP_MAX_ITEMS", "1", "SHOP_CACHE", text));
    assertThat(get(settings, "cache")).isEqualTo(value);
  }

  @Test
  void secretsAreMaskedInToString() {
    Object settings = load(Map.of(), REQUIRED);
    assertThat(settings.toString()).startsWith("ShopSettings[host=127.0.0.1, port=8000,").contains("apiKey=****")
        .doesNotContain("k3y");
  }

  @Test
  void namesFollowTheAccessorAndPrefix() throws Exception {
    List<?> settings = (List<?>) loader.loadClass("conf.ShopSettingsValues").getField("SETTINGS").get(null);
    assertThat(settings.stream().map(Object::toString)).contains(
        "Setting[name=defaultLocale, flag=default-locale, property=shop.defaultLocale, environment=SHOP_DEFAULT_LOCALE, "
            + "type=String, defaultValue=en_US, optional=false, secret=false, "
            + "doc=Locale of pages when the browser states none., min=null, max=null]",
        "Setting[name=ioThreads, flag=io-threads, property=shop.ioThreads, environment=SHOP_IO_THREADS, type=int, "
            + "defaultValue=0, optional=false, secret=false, doc=Event-loop threads (gunicorn's -w); 0 for one per core, "
            + "min=0, max=null]",
        "Setting[name=workers, flag=workers, property=shop.workers, environment=SHOP_WORKERS, type=Integer, "
            + "defaultValue=null, optional=true, secret=false, doc=, min=null, max=null]");
  }

  @Test
  void theGeneratedClassReadsLikeHandWrittenCode() {
    String source = Compilations.generatedSource(Compilations.compile(SETTINGS), "conf.ShopSettingsValues");
    assertThat(source).contains("public final class ShopSettingsValues implements ShopSettings {",
        "this.sessionTimeout = loader.duration(", "this.workers = Optional.ofNullable(loader.integer(",
        "this.mode = loader.toEnum(", "public static ShopSettingsValues fromCommandLine(String command, String[] args) {");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "@Default(\"eight\") int port();          | @Default(\"eight\") of port() is not an integer in int's range",
      "@Default(\"maybe\") boolean debug();      | @Default(\"maybe\") of debug() is not a boolean (true/false, yes/no, on/off, 1/0)",
      "@Default(\"30 seconds\") java.time.Duration t(); | @Default(\"30 seconds\") of t() is not a duration such as 30s, 5m, 250ms or PT1H",
      "@Default(\"x\") java.lang.annotation.ElementType e(); | of e() is not one of [TYPE, FIELD",
      "@Default(\"a b\") java.net.URI u();       | @Default(\"a b\") of u() is not a URI: Illegal character in path",
      "java.util.Map<String, String> m();       | setting m() has type java.util.Map<java.lang.String,java.lang.String>, which settings cannot hold",
      "java.util.Optional<java.util.List<String>> o(); | setting o() has type java.util.Optional<java.util.List<java.lang.String>>, which settings cannot hold",
      "String name(int i);                      | setting name() takes no parameters",
  })
  void mistakesAreCompileErrorsOnTheAccessor(String accessor, String message) {
    JavaFileObject source = Compilations.source("package conf;\nimport dev.kiln.*;\n@Settings\npublic interface Bad {\n  "
        + accessor + "\n}\n");
    Compilation compilation = Compilations.compileAllowingWarnings(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidSetting]").inFile(source).onLineContaining(accessor);
    assertThat(compilation).hadErrorContaining(message);
  }

  @Test
  void settingsGoOnAnInterface() {
    JavaFileObject source = Compilations.source("package conf;\n@dev.kiln.Settings\npublic class NotAnInterface {}\n");
    assertThat(Compilations.compileAllowingWarnings(source)).hadErrorContaining(
        "[Kiln/InvalidSetting] @Settings goes on an interface of accessors").inFile(source)
        .onLineContaining("class NotAnInterface");
  }
}
