package dev.kiln.it.sessions;

import dev.kiln.ServerSettings;
import dev.kiln.Settings;
import dev.kiln.redis.RedisSettings;
import dev.kiln.session.SessionSettings;
import dev.kiln.settings.SettingsSource;
import java.util.Map;

/** The settings an app using sessions and Redis has; tests load them from a map. */
@Settings
public interface TestSettings extends ServerSettings, RedisSettings, SessionSettings {
  static TestSettingsValues of(Map<String, String> properties) {
    return TestSettingsValues.load(SettingsSource.of(properties, Map.of()));
  }
}
