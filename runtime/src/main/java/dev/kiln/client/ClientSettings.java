package dev.kiln.client;

import dev.kiln.Default;
import dev.kiln.Doc;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * The outbound client's settings, for an application's {@code @Settings} interface to extend beside
 * {@code ServerSettings}: each is a flag ({@code --client-timeout}), a system property and an
 * environment variable like the application's own. {@link Client#fromSettings} reads them.
 */
public interface ClientSettings {
  @Doc("Longest the outbound client waits to connect to another server")
  @Default("5s")
  @Positive
  Duration clientConnectTimeout();

  @Doc("Longest one outbound call may take, from sending to the last byte of the answer, retries included")
  @Default("30s")
  @Positive
  Duration clientTimeout();

  @Doc("Largest answer body the outbound client reads, in bytes; beyond, the call fails with ResponseTooLargeException")
  @Default("10485760")
  @Positive
  long clientMaxBodySize();

  @Doc("Times an idempotent outbound call (GET, HEAD, PUT, DELETE, OPTIONS) is tried again after a connection failure or a 502, 503 or 504")
  @Default("0")
  @Min(0)
  @Max(10)
  int clientRetries();
}
