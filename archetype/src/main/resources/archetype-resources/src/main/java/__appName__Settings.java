package ${package};

import dev.kiln.Default;
import dev.kiln.ServerSettings;
import dev.kiln.Settings;

/**
 * The settings: the server's own (port, host, debug, ...) and the app's. Each is a flag
 * ({@code --greeting Hi}), a system property and an environment variable; {@code --help} lists them.
 */
@Settings
public interface ${appName}Settings extends ServerSettings {
  /** What the home page says. */
  @Default("Hello from ${appName}")
  String greeting();
}
