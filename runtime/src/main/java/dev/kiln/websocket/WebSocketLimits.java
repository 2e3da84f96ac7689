package dev.kiln.websocket;

import dev.kiln.TypedKey;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits and timers of an app's WebSocket connections. Put them in the app's state under
 * {@link #KEY}, from the settings ({@link #fromSettings}); without them every connection gets
 * {@link #defaults()}:
 *
 * <pre>{@code
 * App.builder().set(WebSocketLimits.KEY, WebSocketLimits.fromSettings(settings))
 * }</pre>
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><td>frame</td><td>64 KiB; beyond, 1009 and the connection closed</td></tr>
 *   <tr><td>message</td><td>1 MiB, its fragments counted together; beyond, 1009 and closed</td></tr>
 *   <tr><td>ping</td><td>every 25 s, sent by the server whatever the app does (under nginx's 60 s idle timeout)</td></tr>
 *   <tr><td>pong</td><td>10 s to answer a ping; else the client is gone: 1001 and closed</td></tr>
 *   <tr><td>close</td><td>5 s for the client to answer a close frame; then the connection is closed</td></tr>
 *   <tr><td>send queue</td><td>64 KiB high-water, 32 KiB low-water; a send beyond closes with 1008</td></tr>
 *   <tr><td>compression</td><td>off; when on, permessage-deflate inflating at most the message limit</td></tr>
 *   <tr><td>origins</td><td>the handshake's {@code Origin}, when sent, must be the request's own host</td></tr>
 * </table>
 *
 * The handshake itself is an HTTP request, bound by the server's request-head timeout (10 s).
 */
public final class WebSocketLimits {
  /** Where an app keeps its limits. */
  public static final TypedKey<WebSocketLimits> KEY = TypedKey.of("websocket limits", WebSocketLimits.class);

  private static final WebSocketLimits DEFAULTS = builder().build();

  private final int maxFrameSize;
  private final int maxMessageSize;
  private final Duration pingInterval;
  private final Duration pongTimeout;
  private final Duration closeTimeout;
  private final int sendHighWater;
  private final boolean dropWhenSlow;
  private final boolean compression;
  private final List<String> allowedOrigins;

  private WebSocketLimits(Builder builder) {
    this.maxFrameSize = builder.maxFrameSize;
    this.maxMessageSize = builder.maxMessageSize;
    this.pingInterval = builder.pingInterval;
    this.pongTimeout = builder.pongTimeout;
    this.closeTimeout = builder.closeTimeout;
    this.sendHighWater = builder.sendHighWater;
    this.dropWhenSlow = builder.dropWhenSlow;
    this.compression = builder.compression;
    this.allowedOrigins = List.copyOf(builder.allowedOrigins);
  }

  public static WebSocketLimits defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The limits the settings give. */
  public static WebSocketLimits fromSettings(WebSocketSettings settings) {
    return builder()
        .maxFrameSize(settings.websocketMaxFrameSize())
        .maxMessageSize(settings.websocketMaxMessageSize())
        .pingInterval(settings.websocketPingInterval())
        .pongTimeout(settings.websocketPongTimeout())
        .closeTimeout(settings.websocketCloseTimeout())
        .sendHighWater(settings.websocketSendHighWater())
        .compression(settings.websocketCompression())
        .allowedOrigins(settings.websocketAllowedOrigins().stream().filter(o -> !o.isBlank()).toList())
        .build();
  }

  public int maxFrameSize() {
    return maxFrameSize;
  }

  public int maxMessageSize() {
    return maxMessageSize;
  }

  public Duration pingInterval() {
    return pingInterval;
  }

  public Duration pongTimeout() {
    return pongTimeout;
  }

  public Duration closeTimeout() {
    return closeTimeout;
  }

  public int sendHighWater() {
    return sendHighWater;
  }

  /** Half the high-water mark. */
  public int sendLowWater() {
    return sendHighWater / 2;
  }

  public boolean dropWhenSlow() {
    return dropWhenSlow;
  }

  public boolean compression() {
    return compression;
  }

  /** Origins besides the request's own host that may open a socket; {@code *} for any. */
  public List<String> allowedOrigins() {
    return allowedOrigins;
  }

  @Override
  public String toString() {
    return "WebSocketLimits[frame " + maxFrameSize + " B, message " + maxMessageSize + " B, ping " + pingInterval
        + ", pong " + pongTimeout + ", close " + closeTimeout + ", send queue " + sendHighWater + " B"
        + (dropWhenSlow ? " (drop)" : "") + (compression ? ", permessage-deflate" : "") + "]";
  }

  /** Every limit, with the defaults above. */
  public static final class Builder {
    private int maxFrameSize = 64 * 1024;
    private int maxMessageSize = 1024 * 1024;
    private Duration pingInterval = Duration.ofSeconds(25);
    private Duration pongTimeout = Duration.ofSeconds(10);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private int sendHighWater = 64 * 1024;
    private boolean dropWhenSlow;
    private boolean compression;
    private List<String> allowedOrigins = List.of();

    private Builder() {}

    public Builder maxFrameSize(int bytes) {
      this.maxFrameSize = positive(bytes, "maxFrameSize");
      return this;
    }

    public Builder maxMessageSize(int bytes) {
      this.maxMessageSize = positive(bytes, "maxMessageSize");
      return this;
    }

    public Builder pingInterval(Duration interval) {
      this.pingInterval = positive(interval, "pingInterval");
      return this;
    }

    public Builder pongTimeout(Duration timeout) {
      this.pongTimeout = positive(timeout, "pongTimeout");
      return this;
    }

    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = positive(timeout, "closeTimeout");
      return this;
    }

    public Builder sendHighWater(int bytes) {
      this.sendHighWater = positive(bytes, "sendHighWater");
      return this;
    }

    /** A send while the queue is full fails alone (the message is dropped) rather than closing the connection. */
    public Builder dropWhenSlow() {
      this.dropWhenSlow = true;
      return this;
    }

    /** Offers permessage-deflate to clients that ask; inflation stops at the message limit. */
    public Builder compression(boolean on) {
      this.compression = on;
      return this;
    }

    public Builder allowedOrigins(List<String> origins) {
      this.allowedOrigins = List.copyOf(origins);
      return this;
    }

    public WebSocketLimits build() {
      if (maxMessageSize < maxFrameSize) {
        throw new IllegalArgumentException("maxMessageSize (" + maxMessageSize + ") is smaller than maxFrameSize ("
            + maxFrameSize + ")");
      }
      return new WebSocketLimits(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, not " + value);
      }
      return value;
    }
  }
}
