package dev.kiln.websocket;

/**
 * Why a WebSocket connection closed: the close code and reason that were exchanged (RFC 6455,
 * section 7.4), and the cause as Kiln saw it.
 *
 * @param code the close code: the client's when it closed, Kiln's when Kiln did, 1006 when the
 *     connection was lost without a close frame, 1005 when the client's close frame carried none
 * @param reason the reason text, possibly empty
 * @param cause who or what closed it
 */
public record CloseStatus(int code, String reason, Cause cause) {
  public static final int NORMAL = 1000;
  public static final int GOING_AWAY = 1001;
  public static final int PROTOCOL_ERROR = 1002;
  public static final int NO_STATUS = 1005;
  public static final int ABNORMAL = 1006;
  public static final int INVALID_DATA = 1007;
  public static final int POLICY_VIOLATION = 1008;
  public static final int TOO_BIG = 1009;
  public static final int INTERNAL_ERROR = 1011;

  /** Who or what closed a connection. */
  public enum Cause {
    /** The client sent a close frame. */
    CLIENT,
    /** The app called {@link WebSocket#close}. */
    APP,
    /** The server is shutting down (1001). */
    SHUTDOWN,
    /** The client answered no ping within the pong timeout: it is gone (1001). */
    NO_PONG,
    /** A frame or message over its limit (1009). */
    TOO_BIG,
    /** Text that is not UTF-8 (1007). */
    INVALID_DATA,
    /** A frame that breaks RFC 6455: unmasked, reserved bits, a bad opcode, a fragmented or long control frame (1002). */
    PROTOCOL_ERROR,
    /** The client read too slowly for the send queue (1008). */
    SLOW_CLIENT,
    /** A handler callback threw (1011). */
    HANDLER_ERROR,
    /** The TCP connection ended without a close handshake (1006). */
    CONNECTION_LOST
  }
}
