package dev.kiln.settings;

import dev.kiln.grammar.Durations;
import dev.kiln.internal.routing.Converters;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Reads settings for generated {@code <Name>Values.load}: each value from its source of highest
 * precedence, converted with the request parameters' converters, every problem collected so that
 * {@link #finish()} reports all of them at once.
 */
public final class SettingsLoader {
  /** The setting that names a profile, whose file is read over the properties file: {@link dev.kiln.ServerSettings#profile()}. */
  static final String PROFILE = "profile";

  private final SettingsSource source;
  private final List<Setting> settings;
  private final String[] sources;
  /** Each value's text as it was written, for showing it so ({@code 60s}, not {@code PT1M}); {@code null} when unset. */
  private final String[] written;
  private final List<String> problems = new ArrayList<>();

  public SettingsLoader(SettingsSource source, List<Setting> settings) {
    this.settings = settings;
    this.sources = new String[settings.size()];
    this.written = new String[settings.size()];
    this.source = profiled(source);
  }

  /** {@code source} with the profile's file over the properties file, when a profile is set. */
  private SettingsSource profiled(SettingsSource source) {
    for (Setting setting : settings) {
      if (setting.name().equals(PROFILE)) {
        SettingsSource.Found found = source.find(setting);
        if (found == null || found.value().isBlank()) {
          return source;
        }
        try {
          return source.profile(found.value().strip());
        } catch (IllegalArgumentException e) {
          problems.add(setting.name() + " = \"" + found.value() + "\" (from " + found.source() + "): " + e.getMessage());
          return source;
        }
      }
    }
    return source;
  }

  public String string(int index) {
    return read(index, text -> text, null);
  }

  public int toInt(int index) {
    Integer value = integer(index);
    return value == null ? 0 : value;
  }

  public Integer integer(int index) {
    return read(index, text -> Converters.toInt(text.strip(), "value"), null);
  }

  public long toLong(int index) {
    Long value = longValue(index);
    return value == null ? 0 : value;
  }

  public Long longValue(int index) {
    return read(index, text -> Converters.toLong(text.strip(), "value"), null);
  }

  public double toDouble(int index) {
    Double value = doubleValue(index);
    return value == null ? 0 : value;
  }

  public Double doubleValue(int index) {
    return read(index, text -> Converters.toDouble(text.strip(), "value"), null);
  }

  public boolean toBoolean(int index) {
    Boolean value = booleanValue(index);
    return value != null && value;
  }

  public Boolean booleanValue(int index) {
    return read(index, text -> Converters.toBoolean(text.strip(), "value"), null);
  }

  public Duration duration(int index) {
    return read(index, Durations::parse, Durations.FORMS);
  }

  public URI uri(int index) {
    return read(index, text -> {
      try {
        return new URI(text.strip());
      } catch (URISyntaxException e) {
        return null;
      }
    }, "a URI");
  }

  public Path path(int index) {
    return read(index, text -> {
      try {
        return Path.of(text.strip());
      } catch (InvalidPathException e) {
        return null;
      }
    }, "a path");
  }

  public <E extends Enum<E>> E toEnum(int index, E[] constants) {
    return read(index, text -> Converters.toEnum(constants, text.strip(), "value"), null);
  }

  /** Comma-separated, each value stripped, empty ones dropped. */
  public List<String> list(int index) {
    List<String> values = read(index, text -> Arrays.stream(text.split(","))
        .map(String::strip)
        .filter(value -> !value.isEmpty())
        .toList(), null);
    return values == null ? List.of() : values;
  }

  /** Each setting's text as written, in {@code SETTINGS} order; {@code null} for one unset. */
  public List<String> written() {
    return java.util.Collections.unmodifiableList(Arrays.asList(written.clone()));
  }

  /** Where each setting's value came from, in {@code SETTINGS} order. */
  public List<String> sources() {
    return List.of(sources);
  }

  /** Throws one exception listing every missing or invalid setting. */
  public void finish() {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }

  /**
   * The converted value; {@code null} when unset and optional, or after recording a problem.
   *
   * @param expected what a value should look like, for a converter that answers {@code null} on
   *     bad text; {@code null} for the request converters, which say it themselves
   */
  private <T> T read(int index, Function<String, T> convert, String expected) {
    Setting setting = settings.get(index);
    SettingsSource.Found found = source.find(setting);
    String text;
    if (found != null) {
      text = found.value();
      sources[index] = found.source();
    } else if (setting.defaultValue() != null) {
      text = setting.defaultValue();
      sources[index] = "default";
    } else {
      sources[index] = "unset";
      if (!setting.optional()) {
        problems.add(setting.name() + ": missing; set --" + setting.flag() + ", environment "
            + setting.environment() + " or system property " + setting.property() + " (" + setting.type() + ")");
      }
      return null;
    }
    if (text.isBlank() && setting.optional() && found != null) {
      return null; // FOO= unsets an optional setting
    }
    try {
      T value = convert.apply(text);
      if (value != null && !setting.accepts(value)) {
        problems.add(problem(setting, text, sources[index], "expected " + setting.range()));
        return null;
      }
      if (value != null) {
        written[index] = text.strip();
        return value;
      }
      problems.add(problem(setting, text, sources[index], "expected " + expected));
    } catch (Converters.Invalid invalid) {
      problems.add(problem(setting, text, sources[index], "expected " + invalid.expected()));
    }
    return null;
  }

  private static String problem(Setting setting, String text, String source, String what) {
    return setting.name() + " = \"" + setting.show(text) + "\" (from " + source + "): " + what + " for "
        + setting.type();
  }
}
