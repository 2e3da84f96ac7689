package dev.kiln.sample;

import dev.kiln.Default;
import dev.kiln.Secret;
import dev.kiln.ServerSettings;
import dev.kiln.Settings;
import dev.kiln.client.ClientSettings;
import dev.kiln.jdbi.DatabaseSettings;
import dev.kiln.redis.RedisSettings;
import dev.kiln.session.SessionSettings;
import dev.kiln.toolbar.ToolbarSettings;
import dev.kiln.websocket.WebSocketSettings;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * The sample app's settings (the talk's {@code settings.py}): the server's, the database's,
 * Redis's, the sessions', the WebSockets', the debug toolbar's and the outbound client's own,
 * inherited, and the app's. Each is a flag ({@code --default-locale}), a system property ({@code -DdefaultLocale}) and
 * an environment variable ({@code DEFAULT_LOCALE}); {@code --help} lists them.
 */
@Settings
public interface SampleSettings extends ServerSettings, DatabaseSettings, RedisSettings, SessionSettings,
    WebSocketSettings, ToolbarSettings, ClientSettings {
  /** Where sessions are kept: in Redis, shared by every instance, or in an encrypted cookie (needs --session-keys). */
  @Default("REDIS")
  SessionStoreKind sessionStore();

  /** Locale of pages when a request names none. */
  @Default("en_US")
  String defaultLocale();

  /** Time zone dates are shown in. */
  @Default("UTC")
  String timezone();

  /** The key the API wants for writes, in {@code X-Api-Key}; the default is for laptops only. */
  @Secret
  @Default(SampleApp.DEVELOPMENT_API_KEY)
  String apiKey();

  /** API writes a client may send at once, counted across every instance in Redis. */
  @Default("30")
  @Positive
  int writeBurst();

  /** API writes a client may send per second on average, beyond its burst. */
  @Default("5")
  @Positive
  int writesPerSecond();

  /** Where static files are read from in debug mode, so changes show with no rebuild; relative to the working directory. */
  @Default("sample-app/src/main/resources/static")
  String staticSourceFolder();

  /** Where templates are read from in debug mode, recompiled on change; relative to the working directory. */
  @Default("sample-app/src/main/jte")
  String templateSourceFolder();

  /**
   * Addresses the link check may reach although they are loopback or private, comma-separated
   * literals ({@code 10.0.0.5}): an intranet's pages, or a test's server. Every other such address
   * is refused, so no user can make the server call its own ports or its cloud's metadata service.
   */
  @Default("")
  List<String> linkCheckAllowedAddresses();

  /** Largest page the link check reads, in bytes; a larger one is reported, not read. */
  @Default("1048576")
  @Positive
  long linkCheckMaxBytes();

  /** The two session stores. */
  enum SessionStoreKind {
    REDIS, COOKIE
  }
}
