package dev.kiln;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;

/**
 * The server's own settings, for a {@link Settings} interface to extend: each becomes a flag
 * ({@code --port}), a system property and an environment variable like the application's, and
 * {@link Server.Builder#settings(ServerSettings)} applies them.
 */
public interface ServerSettings {
  @Doc("Address to listen on; 0.0.0.0 for every interface")
  @Default("127.0.0.1")
  String host();

  @Doc("Port to listen on; 0 for any free port")
  @Default("8000")
  @Min(0)
  @Max(65535)
  int port();

  @Doc("Addresses to listen on instead of host and port, comma-separated or --bind repeated (gunicorn's -b): "
      + "host:port, [::1]:port, or a host alone for --port")
  @Default("")
  java.util.List<String> bind();

  @Doc("Event-loop threads (gunicorn's -w); 0 for one per core")
  @Default("0")
  @PositiveOrZero
  int ioThreads();

  @Doc("Longest a request may take from its head to its response; then 503")
  @Default("60s")
  @Positive
  Duration requestTimeout();

  @Doc("How long a kept-alive connection may wait for its next request (gunicorn's --keep-alive)")
  @Default("75s")
  @Positive
  Duration keepAlive();

  @Doc("How long a shutdown keeps serving with readiness failing before the listener closes: the load "
      + "balancer's time to stop sending (its probe interval times its failure threshold)")
  @Default("0s")
  @PositiveOrZero
  Duration drainDelay();

  @Doc("How long a shutdown lets in-flight requests finish")
  @Default("30s")
  @PositiveOrZero
  Duration shutdownTimeout();

  @Doc("Proxies whose Forwarded and X-Forwarded-* headers are believed, comma-separated addresses and CIDR "
      + "ranges (10.0.0.0/8); from anyone else those headers are ignored")
  @Default("")
  java.util.List<String> trustedProxies();

  @Doc("Bind with SO_REUSEPORT so several processes share the port")
  @Default("false")
  boolean reusePort();

  @Doc("Log every response on the kiln.access logger")
  @Default("true")
  boolean accessLog();

  @Doc("Debug mode: Kiln's loggers at DEBUG, readable logs, error pages with stack traces")
  @Default("false")
  boolean debug();

  @Doc("Settings profile (dev, prod, ...): application-<profile>.properties is read over application.properties")
  java.util.Optional<String> profile();
}
