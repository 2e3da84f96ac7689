package dev.kiln.websocket;

import dev.kiln.HttpError;
import dev.kiln.HttpMethod;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.http.Origins;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionUtil;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * The WebSocket handshake (RFC 6455, section 4.2), which the generated code of a WebSocket route
 * calls with the handler the route returned: handlers return a {@link WebSocketHandler} and never
 * call this themselves.
 *
 * <ul>
 *   <li>A request without {@code Upgrade: websocket} (a plain GET, a browser opening the URL) gets
 *       426 with {@code Upgrade: websocket}.</li>
 *   <li>Another {@code Sec-WebSocket-Version} than 13 gets 426 with {@code Sec-WebSocket-Version: 13}.</li>
 *   <li>No {@code Connection: Upgrade}, a {@code Sec-WebSocket-Key} that is not 16 bytes of base64, or
 *       either of the version and key headers given twice, gets 400.</li>
 *   <li>An {@code Origin} other than the request's own host, and not allowed by
 *       {@link WebSocketLimits#allowedOrigins()}, gets 403: a page on another site cannot open a socket
 *       with the user's cookies (cross-site WebSocket hijacking).</li>
 * </ul>
 *
 * Otherwise the answer is 101, and the connection becomes the handler's.
 */
public final class WebSockets {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private WebSockets() {}

  /** The answer to a WebSocket route's request: 101 and the connection handed to {@code handler}, or why not. */
  public static Response accept(Request request, WebSocketHandler handler) {
    Objects.requireNonNull(handler, "the WebSocket route returned no WebSocketHandler");
    String upgrade = request.header("Upgrade");
    if (upgrade == null || !upgrade.strip().equalsIgnoreCase("websocket") || request.method() != HttpMethod.GET) {
      throw HttpError.of(Response.status(426).withHeader("Upgrade", "websocket"),
          "this is a WebSocket endpoint: open it with a WebSocket client (GET with Upgrade: websocket)");
    }
    if (request.headers("Sec-WebSocket-Version").size() > 1 || request.headers("Sec-WebSocket-Key").size() > 1) {
      throw HttpError.badRequest("a WebSocket handshake carries one Sec-WebSocket-Version and one Sec-WebSocket-Key");
    }
    if (!"13".equals(request.header("Sec-WebSocket-Version"))) {
      throw HttpError.of(Response.status(426).withHeader("Upgrade", "websocket")
          .withHeader("Sec-WebSocket-Version", "13"), "only WebSocket version 13 (RFC 6455) is spoken here");
    }
    if (!hasToken(request.header("Connection"), "upgrade")) {
      throw HttpError.badRequest("a WebSocket handshake carries Connection: Upgrade");
    }
    String key = request.header("Sec-WebSocket-Key");
    if (!isKey(key)) {
      throw HttpError.badRequest("a WebSocket handshake carries a Sec-WebSocket-Key of 16 bytes in base64");
    }
    WebSocketLimits limits = request.app() == null ? WebSocketLimits.defaults()
        : request.app().find(WebSocketLimits.KEY).orElse(WebSocketLimits.defaults());
    String origin = request.header("Origin");
    if (origin != null && !limits.allowedOrigins().contains("*") && !limits.allowedOrigins().contains(origin)
        && !Origins.sameOrigin(origin, request.host())) {
      throw HttpError.forbidden("a page from " + shorten(origin) + " may not open this WebSocket");
    }
    WebSocketServerExtension compression = limits.compression() ? deflate(request, limits) : null;
    Response accepted = Response.switchingProtocols("websocket",
            new WebSocketProtocol(handler, limits, request.route().blocking(), compression))
        .withHeader("Sec-WebSocket-Accept", acceptKey(key.strip()));
    if (compression != null) {
      WebSocketExtensionData data = compression.newReponseData();
      StringBuilder header = new StringBuilder(data.name());
      data.parameters().forEach((name, value) -> header.append("; ").append(name).append(value == null ? "" : "=" + value));
      accepted = accepted.withHeader("Sec-WebSocket-Extensions", header.toString());
    }
    return accepted;
  }

  /** permessage-deflate when the client offers it, inflating at most the message limit; else {@code null}. */
  private static WebSocketServerExtension deflate(Request request, WebSocketLimits limits) {
    String offered = request.header("Sec-WebSocket-Extensions");
    if (offered == null) {
      return null;
    }
    PerMessageDeflateServerExtensionHandshaker handshaker = new PerMessageDeflateServerExtensionHandshaker(6, false,
        15, false, false, limits.maxMessageSize());
    try {
      for (WebSocketExtensionData data : WebSocketExtensionUtil.extractExtensions(offered)) {
        WebSocketServerExtension extension = handshaker.handshakeExtension(data);
        if (extension != null) {
          return extension;
        }
      }
    } catch (RuntimeException malformed) {
      return null; // an offer we cannot read is an offer we decline
    }
    return null;
  }

  private static boolean hasToken(String header, String token) {
    if (header == null) {
      return false;
    }
    for (String part : header.split(",")) {
      if (part.strip().toLowerCase(Locale.ROOT).equals(token)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKey(String key) {
    if (key == null) {
      return false;
    }
    try {
      return Base64.getDecoder().decode(key.strip()).length == 16;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code base64(SHA-1(key + GUID))}, as RFC 6455 section 4.2.2 has it. */
  static String acceptKey(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  private static String shorten(String text) {
    return text.length() > 100 ? text.substring(0, 100) + "…" : text;
  }
}
