package dev.kiln.session;

import dev.kiln.Default;
import dev.kiln.Doc;
import dev.kiln.Secret;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Sessions' settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}: each is a flag ({@code --session-keys}), a system property and an
 * environment variable ({@code SESSION_KEYS}) like the application's own. Read by
 * {@link Sessions#fromSettings} and {@link EncryptedCookieStore#fromSettings}.
 */
public interface SessionSettings {
  @Doc("Keys of the encrypted session cookie, comma-separated base64 of 32 random bytes each (openssl rand -base64 32): "
      + "the first encrypts, any decrypts; none is an error outside debug mode")
  @Secret
  @Default("")
  List<String> sessionKeys();

  @Doc("Name of the session cookie")
  @Default("kiln_session")
  String sessionCookieName();

  @Doc("Longest a session may go unused before it ends")
  @Default("30m")
  @Positive
  Duration sessionIdleTimeout();

  @Doc("Longest a session lasts however active it is")
  @Default("12h")
  @Positive
  Duration sessionAbsoluteTimeout();

  @Doc("Send the session cookie over HTTPS only; unset: yes, except in debug mode on a loopback address")
  Optional<Boolean> sessionCookieSecure();

  @Doc("SameSite of the session cookie: LAX, STRICT or NONE")
  @Default("LAX")
  Sessions.SameSite sessionCookieSameSite();

  @Doc("Domain of the session cookie; unset keeps it to the host that set it")
  Optional<String> sessionCookieDomain();

  @Doc("Path of the session cookie")
  @Default("/")
  String sessionCookiePath();
}
