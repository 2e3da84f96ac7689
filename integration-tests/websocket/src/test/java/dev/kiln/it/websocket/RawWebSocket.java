package dev.kiln.it.websocket;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A WebSocket client written by hand over a plain socket, for conformance tests: it sends any frame,
 * well-formed or not (unmasked, reserved bits, bad opcodes, long control frames, split anywhere),
 * and reads the server's frames as they are. Nothing is answered for the test unless it asks
 * ({@link #answerPings}).
 */
final class RawWebSocket implements AutoCloseable {
  static final int CONTINUATION = 0x0;
  static final int TEXT = 0x1;
  static final int BINARY = 0x2;
  static final int CLOSE = 0x8;
  static final int PING = 0x9;
  static final int PONG = 0xA;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  final int status;
  final Map<String, String> headers;
  private boolean answerPings;

  private RawWebSocket(Socket socket, int status, Map<String, String> headers) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.status = status;
    this.headers = headers;
  }

  /** Connects and sends a handshake with {@code extraHeaders} (name, value pairs); reads the answer's head. */
  static RawWebSocket connect(int port, String path, String... extraHeaders) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    socket.setTcpNoDelay(true);
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
    Map<String, String> given = new LinkedHashMap<>();
    given.put("upgrade", "websocket");
    given.put("connection", "Upgrade");
    given.put("sec-websocket-version", "13");
    given.put("sec-websocket-key", Base64.getEncoder().encodeToString(nonce));
    for (int i = 0; i < extraHeaders.length; i += 2) {
      given.put(extraHeaders[i].toLowerCase(Locale.ROOT), extraHeaders[i + 1]);
    }
    given.forEach((name, value) -> {
      if (value != null) {
        request.append(name).append(": ").append(value).append("\r\n");
      }
    });
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    String head = readHead(in);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip(),
          (a, b) -> a + ", " + b);
    }
    return new RawWebSocket(socket, status, headers);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException("connection closed in the handshake's answer: " + head);
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1).strip();
  }

  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** Answers the server's pings with pongs while reading frames. */
  RawWebSocket answerPings() {
    this.answerPings = true;
    return this;
  }

  void readTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  // Sending

  void text(String text) throws IOException {
    send(true, 0, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
  }

  void binary(byte[] data) throws IOException {
    send(true, 0, BINARY, data, true);
  }

  void ping(byte[] payload) throws IOException {
    send(true, 0, PING, payload, true);
  }

  void close(int code, String reason) throws IOException {
    send(true, 0, CLOSE, closePayload(code, reason.getBytes(StandardCharsets.UTF_8)), true);
  }

  static byte[] closePayload(int code, byte[] reason) {
    return ByteBuffer.allocate(2 + reason.length).putShort((short) code).put(reason).array();
  }

  /** One frame exactly as given: {@code rsv} is the three reserved bits (0 to 7). */
  void send(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) throws IOException {
    out.write(frame(fin, rsv, opcode, payload, masked));
    out.flush();
  }

  /** Writes raw bytes, such as a frame cut anywhere. */
  void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0F);
    int mask = masked ? 0x80 : 0;
    if (payload.length < 126) {
      frame.write(mask | payload.length);
    } else if (payload.length < 65536) {
      frame.write(mask | 126);
      frame.write(payload.length >> 8);
      frame.write(payload.length & 0xFF);
    } else {
      frame.write(mask | 127);
      frame.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
    }
    byte[] body = payload.clone();
    if (masked) {
      byte[] key = new byte[4];
      RANDOM.nextBytes(key);
      frame.writeBytes(key);
      for (int i = 0; i < body.length; i++) {
        body[i] ^= key[i & 3];
      }
    }
    frame.writeBytes(body);
    return frame.toByteArray();
  }

  // Reading

  /** A frame from the server. */
  record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** A close frame's code, or -1 for none. */
    int closeCode() {
      return payload.length >= 2 ? (payload[0] & 0xFF) << 8 | payload[1] & 0xFF : -1;
    }

    String closeReason() {
      return payload.length > 2 ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
    }
  }

  /** The next frame other than a ping answered by {@link #answerPings()}. */
  Frame next() throws IOException {
    while (true) {
      Frame frame = readFrame();
      if (frame.opcode() == PING && answerPings) {
        send(true, 0, PONG, frame.payload(), true);
        continue;
      }
      return frame;
    }
  }

  /** The next data or close frame, answering or skipping pings and skipping pongs. */
  Frame nextMessage() throws IOException {
    while (true) {
      Frame frame = readFrame();
      if (frame.opcode() == PING) {
        if (answerPings) {
          send(true, 0, PONG, frame.payload(), true);
        }
        continue;
      }
      if (frame.opcode() != PONG) {
        return frame;
      }
    }
  }

  private Frame readFrame() throws IOException {
    int first = readByte();
    int second = readByte();
    if ((second & 0x80) != 0) {
      throw new IOException("the server masked a frame");
    }
    long length = second & 0x7F;
    if (length == 126) {
      length = (long) readByte() << 8 | readByte();
    } else if (length == 127) {
      length = ByteBuffer.wrap(in.readNBytes(8)).getLong();
    }
    byte[] payload = in.readNBytes((int) length);
    if (payload.length < length) {
      throw new EOFException("frame cut short");
    }
    return new Frame((first & 0x80) != 0, first >> 4 & 7, first & 0x0F, payload);
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed");
    }
    return b;
  }

  /** Whether the server closed the TCP connection, waiting at most the read timeout; frames before it are skipped. */
  boolean closedByServer() throws IOException {
    try {
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
