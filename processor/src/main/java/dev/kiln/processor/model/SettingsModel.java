package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A {@code @Settings} interface as read: what {@code <Name>Values} is written from.
 *
 * @param type the interface
 * @param values the generated implementation
 * @param settings its settings, inherited ones first
 */
public record SettingsModel(ClassName type, ClassName values, List<Entry> settings) {
  public SettingsModel {
    settings = List.copyOf(settings);
  }

  /** The kinds of value a setting converts to, each with its loader method. */
  public enum Kind {
    STRING("string", "String"),
    INT("toInt", "int"),
    LONG("toLong", "long"),
    DOUBLE("toDouble", "double"),
    BOOLEAN("toBoolean", "boolean"),
    DURATION("duration", "Duration"),
    URI("uri", "URI"),
    PATH("path", "Path"),
    ENUM("toEnum", "enum"),
    LIST("list", "List<String>");

    private final String loader;
    private final String label;

    Kind(String loader, String label) {
      this.loader = loader;
      this.label = label;
    }

    /** The {@code SettingsLoader} method for a primitive, or for the object form. */
    public String loader(boolean boxed) {
      if (!boxed) {
        return loader;
      }
      return switch (this) {
        case INT -> "integer";
        case LONG -> "longValue";
        case DOUBLE -> "doubleValue";
        case BOOLEAN -> "booleanValue";
        default -> loader;
      };
    }

    public String label() {
      return label;
    }
  }

  /**
   * One setting.
   *
   * @param name the accessor's name
   * @param type the accessor's return type
   * @param kind what the value converts to
   * @param valueType the value's own type (an {@code Optional}'s argument)
   * @param optional whether the accessor returns an {@code Optional}
   * @param typeLabel the type for {@code --help}
   * @param defaultValue the {@code @Default}, or {@code null}
   * @param secret whether {@code @Secret}
   * @param doc its Javadoc's first sentence or {@code @Doc}
   * @param flag the command-line flag, {@code request-timeout}
   * @param property the system property, {@code sample.requestTimeout}
   * @param environment the environment variable, {@code SAMPLE_REQUEST_TIMEOUT}
   * @param min the least value from {@code @Min}/{@code @Positive}/{@code @PositiveOrZero}, or {@code null}
   * @param max the greatest value from {@code @Max}, or {@code null}
   */
  public record Entry(String name, TypeName type, Kind kind, TypeName valueType, boolean optional, String typeLabel,
      String defaultValue, boolean secret, String doc, String flag, String property, String environment, Long min,
      Long max) {

    public boolean bounded() {
      return min != null || max != null;
    }
  }
}
