package dev.kiln.toolbar;

import dev.kiln.ServerSettings;
import dev.kiln.Settings;
import dev.kiln.jdbi.DatabaseSettings;
import dev.kiln.redis.RedisSettings;
import dev.kiln.settings.SettingsSource;
import java.util.Map;

/** The settings of an app with the toolbar, PostgreSQL and Redis; tests load them from a map. */
@Settings
public interface TestSettings extends ServerSettings, ToolbarSettings, DatabaseSettings, RedisSettings {
  static TestSettingsValues of(Map<String, String> properties) {
    return TestSettingsValues.load(SettingsSource.of(properties, Map.of()));
  }
}
