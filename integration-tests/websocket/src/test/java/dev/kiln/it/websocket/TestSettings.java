package dev.kiln.it.websocket;

import dev.kiln.ServerSettings;
import dev.kiln.Settings;
import dev.kiln.redis.RedisSettings;
import dev.kiln.settings.SettingsSource;
import dev.kiln.websocket.WebSocketSettings;
import java.util.Map;

/** Settings of an app with WebSockets and Redis; tests load them from a map. */
@Settings
public interface TestSettings extends ServerSettings, RedisSettings, WebSocketSettings {
  static TestSettingsValues of(Map<String, String> properties) {
    return TestSettingsValues.load(SettingsSource.of(properties, Map.of()));
  }
}
