package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface of settings: one accessor per setting, with {@link Default} values and Javadoc.
 * The processor writes {@code <Name>Values}, an immutable implementation with a loader that reads,
 * in order of precedence, explicit overrides (the command line), system properties, environment
 * variables, a properties file and the defaults, and fails with one message listing every missing or
 * invalid setting.
 *
 * <pre>{@code
 * @Settings(prefix = "sample")
 * public interface SampleSettings extends ServerSettings {
 *   /** Locale of pages when the browser states none. *\/
 *   @Default("en_US") String defaultLocale();
 *
 *   @Secret @Default("dev-api-key") String apiKey();
 * }
 * }</pre>
 *
 * <p>{@code defaultLocale} is read from the flag {@code --default-locale}, the system property
 * {@code sample.defaultLocale}, the environment variable {@code SAMPLE_DEFAULT_LOCALE} and the key
 * {@code defaultLocale} of the properties file. Supported types: {@code String}, {@code int},
 * {@code long}, {@code double}, {@code boolean} (true/false, yes/no, on/off, 1/0) and their boxes,
 * {@code Duration} ({@code 30s}, {@code 5m}, {@code 250ms}, {@code PT1H}), {@code URI}, {@code Path},
 * enums, {@code List<String>} (comma-separated) and {@code Optional} of any of them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Settings {
  /**
   * Prefix of the environment variables ({@code SAMPLE_}) and system properties ({@code sample.});
   * none by default.
   */
  String prefix() default "";
}
