package dev.kiln.internal.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per response on the {@code kiln.access} logger, in the combined log format plus the
 * duration, written once the answer is sent: {@code 127.0.0.1 - - [30/Nov/2026:02:14:12 +0000] "GET / HTTP/1.1" 200 13 "-" "curl/8" 0.412ms}.
 */
@ChannelHandler.Sharable
final class AccessLog extends ChannelOutboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger("kiln.access");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

  /** One handler serves every connection: it keeps nothing of its own. */
  static final AccessLog INSTANCE = new AccessLog();

  private AccessLog() {}

  static boolean enabled() {
    return LOG.isInfoEnabled();
  }

  /** Logs each answer once it is sent, with the body bytes the encoder counted. */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof Answer answer) {
      SocketAddress remote = ctx.channel().remoteAddress();
      promise.addListener(future -> log(remote, answer.request, answer.response.status(), answer.bodyBytes,
          answer.startNanos));
    }
    ctx.write(msg, promise);
  }

  static void log(SocketAddress remote, HttpRequest request, int status, long bytes, long startNanos) {
    LOG.info(format(remote, request, status, bytes, (System.nanoTime() - startNanos) / 1_000_000.0,
        ZonedDateTime.now(ZoneId.systemDefault())));
  }

  static String format(SocketAddress remote, HttpRequest request, int status, long bytes, double millis,
      ZonedDateTime time) {
    String host = remote instanceof InetSocketAddress inet && inet.getAddress() != null
        ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    String line = request == null ? "-" : request.method() + " " + request.uri() + " " + request.protocolVersion();
    String referer = request == null ? null : request.headers().get(HttpHeaderNames.REFERER);
    String agent = request == null ? null : request.headers().get(HttpHeaderNames.USER_AGENT);
    return host + " - - [" + TIME.format(time) + "] \"" + escape(line) + "\" " + status + " "
        + (bytes == 0 ? "-" : String.valueOf(bytes)) + " \"" + escape(referer) + "\" \"" + escape(agent) + "\" "
        + String.format(Locale.ROOT, "%.3f", millis) + "ms";
  }

  /** Quotes and control characters from the client must not forge log lines. */
  private static String escape(String value) {
    if (value == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7F) {
        out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
