package dev.kiln.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where settings come from, in order of precedence: explicit overrides (the command line), system
 * properties, environment variables, the profile's properties file ({@code application-dev.properties}
 * when the {@code profile} setting is {@code dev}), the properties file, then the defaults.
 *
 * <pre>{@code
 * SettingsSource.system().overrides(Map.of("port", "9000")).file(Path.of("app.properties"))
 * }</pre>
 */
public final class SettingsSource {
  private final Map<String, String> overrides;
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final String fileName;
  /** The properties file asked for, whether or not it exists: profile files sit beside it. */
  private final Path filePath;
  private final Map<String, String> profileFile;
  private final String profileFileName;

  private SettingsSource(Map<String, String> overrides, Map<String, String> properties,
      Map<String, String> environment, Map<String, String> file, String fileName, Path filePath,
      Map<String, String> profileFile, String profileFileName) {
    this.overrides = overrides;
    this.properties = properties;
    this.environment = environment;
    this.file = file;
    this.fileName = fileName;
    this.filePath = filePath;
    this.profileFile = profileFile;
    this.profileFileName = profileFileName;
  }

  private SettingsSource(Map<String, String> overrides, Map<String, String> properties,
      Map<String, String> environment) {
    this(overrides, properties, environment, Map.of(), null, null, Map.of(), null);
  }

  /** This JVM's system properties and this process's environment. */
  public static SettingsSource system() {
    Map<String, String> properties = new HashMap<>();
    System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    return new SettingsSource(Map.of(), properties, System.getenv());
  }

  /**
   * System properties, the environment and the properties file named by the system property
   * {@code settings.file} or the variable {@code SETTINGS_FILE} ({@code application.properties} in
   * the working directory by default; ignored when missing).
   */
  public static SettingsSource standard() {
    String file = System.getProperty("settings.file", System.getenv().getOrDefault("SETTINGS_FILE",
        "application.properties"));
    return system().file(Path.of(file));
  }

  /** Nothing but what is given: for tests. */
  public static SettingsSource of(Map<String, String> properties, Map<String, String> environment) {
    return new SettingsSource(Map.of(), Map.copyOf(properties), Map.copyOf(environment));
  }

  /** Values by setting name ({@code defaultLocale}) that win over everything else. */
  public SettingsSource overrides(Map<String, String> overrides) {
    return new SettingsSource(Map.copyOf(overrides), properties, environment, file, fileName, filePath, profileFile,
        profileFileName);
  }

  /** A properties file read after the environment; keys as system properties. Missing: ignored. */
  public SettingsSource file(Path path) {
    if (!Files.isRegularFile(path)) {
      return new SettingsSource(overrides, properties, environment, Map.of(), null, path, profileFile, profileFileName);
    }
    return new SettingsSource(overrides, properties, environment, read(path), path.toString(), path, profileFile,
        profileFileName);
  }

  /**
   * This source with the file of {@code profile} read over the properties file: beside it, with
   * the profile in its name ({@code application-dev.properties} for {@code application.properties}).
   * Used by the loader once it knows the {@code profile} setting.
   *
   * @throws IllegalArgumentException when the profile is not letters, digits, '-' and '_', or its
   *     file is missing, with a message for the settings report
   */
  SettingsSource profile(String profile) {
    if (!profile.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("a profile is letters, digits, '-' and '_'");
    }
    Path base = filePath != null ? filePath : Path.of("application.properties");
    String name = base.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path path = base.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + "-" + profile
        + (dot < 0 ? "" : name.substring(dot)));
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("no settings file " + path + " for this profile");
    }
    return new SettingsSource(overrides, properties, environment, file, fileName, filePath, read(path),
        path.toString());
  }

  private static Map<String, String> read(Path path) {
    Properties loaded = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      loaded.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read settings file " + path, e);
    }
    Map<String, String> values = new HashMap<>();
    loaded.forEach((key, value) -> values.put(String.valueOf(key), String.valueOf(value)));
    return values;
  }

  /** A value found for a setting and where: {@code --port}, {@code environment PORT}, … */
  public record Found(String value, String source) {}

  /** The value of highest precedence for {@code setting}, or {@code null}. */
  public Found find(Setting setting) {
    String value = overrides.get(setting.name());
    if (value != null) {
      return new Found(value, "--" + setting.flag());
    }
    value = properties.get(setting.property());
    if (value != null) {
      return new Found(value, "system property " + setting.property());
    }
    value = environment.get(setting.environment());
    if (value != null) {
      return new Found(value, "environment " + setting.environment());
    }
    value = profileFile.get(setting.property());
    if (value != null) {
      return new Found(value, profileFileName + " " + setting.property());
    }
    value = file.get(setting.property());
    if (value != null) {
      return new Found(value, fileName + " " + setting.property());
    }
    return null;
  }
}
