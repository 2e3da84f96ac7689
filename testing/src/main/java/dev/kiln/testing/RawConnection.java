package dev.kiln.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain socket to the test server, for what a well-behaved client cannot send: malformed framing,
 * pipelined requests, slow writes. Responses are parsed just enough to count and compare them.
 */
public final class RawConnection implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawConnection(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.socket.setTcpNoDelay(true); // small writes leave as written: slow-client tests depend on it
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static RawConnection open(int port) {
    try {
      return new RawConnection(new Socket("127.0.0.1", port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** With a receive buffer of about {@code bytes}: answers the test does not read stall the server quickly. */
  static RawConnection open(int port, int receiveBuffer) {
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(receiveBuffer);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      return new RawConnection(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends text as ISO-8859-1 bytes, exactly as written (use \r\n yourself). */
  public RawConnection send(String raw) {
    return send(raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  /**
   * Sends each byte in its own write, as a slow client does. Stops early when the server has hung up
   * (it answered a head over a limit before the rest came): {@link #read()} then gets its answer.
   */
  public RawConnection trickle(String raw) {
    for (byte b : raw.getBytes(StandardCharsets.ISO_8859_1)) {
      try {
        out.write(b);
        out.flush();
      } catch (java.net.SocketException closedByServer) {
        break;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return this;
  }

  public RawConnection send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Half-closes: tells the server nothing more will be sent, as {@code nc} does, and keeps reading. */
  public RawConnection shutdownOutput() {
    try {
      socket.shutdownOutput();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One response, parsed from the stream: status line, headers and a body of {@code Content-Length}
   * bytes or in chunks ({@code Transfer-Encoding: chunked}; {@link RawResponse#chunks()} counts them).
   */
  public RawResponse read() {
    try {
      String head = readHead();
      RawResponse response = RawResponse.parse(head);
      if ("chunked".equalsIgnoreCase(response.header("transfer-encoding"))) {
        return readChunks(response);
      }
      String length = response.header("content-length");
      int bodyLength = length == null ? 0 : Integer.parseInt(length);
      byte[] body = readExactly(bodyLength);
      return response.withBody(new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One response that has no body whatever its headers say: the answer to a HEAD request. */
  public RawResponse readWithoutBody() {
    try {
      return RawResponse.parse(readHead());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads what has arrived, up to {@code into.length} bytes, without parsing: a body read a piece at a
   * time, as a slow client takes it (after {@link #readWithoutBody()} took the head). -1 at the end.
   */
  public int readSome(byte[] into) {
    try {
      return in.read(into);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code count} responses in order. */
  public List<RawResponse> read(int count) {
    List<RawResponse> responses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      responses.add(read());
    }
    return responses;
  }

  /** Whether the server closed the connection: reads to end of stream, failing after the socket timeout. */
  public boolean isClosedByServer() {
    try {
      while (in.read() >= 0) {
        // drain whatever the server still sends
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset by the server
    }
  }

  private String readHead() throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed after " + head.size() + " bytes of a response head: "
            + head.toString(StandardCharsets.ISO_8859_1));
      }
      head.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private RawResponse readChunks(RawResponse response) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int chunks = 0;
    while (true) {
      String sizeLine = readLine();
      int semicolon = sizeLine.indexOf(';');
      int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      if (size == 0) {
        while (!readLine().isEmpty()) {
          // trailers: none that tests look at
        }
        return new RawResponse(response.status(), response.statusLine(), response.headerList(),
            body.toString(StandardCharsets.UTF_8), chunks);
      }
      body.write(readExactly(size));
      chunks++;
      if (!readLine().isEmpty()) {
        throw new IOException("a chunk of " + size + " bytes is not followed by CRLF");
      }
    }
  }

  private String readLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed inside a chunked body");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private byte[] readExactly(int count) throws IOException {
    byte[] bytes = in.readNBytes(count);
    if (bytes.length != count) {
      throw new IOException("body ended after " + bytes.length + " of " + count + " bytes");
    }
    return bytes;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing a test socket: nothing to do
    }
  }

  /**
   * A response as read from the wire.
   *
   * @param chunks how many chunks the body came in; 0 for a body of {@code Content-Length}
   */
  public record RawResponse(int status, String statusLine, List<String[]> headerList, String body, int chunks) {
    static RawResponse parse(String head) {
      String[] lines = head.split("\r\n");
      String[] statusParts = lines[0].split(" ", 3);
      List<String[]> headers = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        if (colon > 0) {
          headers.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
        }
      }
      return new RawResponse(Integer.parseInt(statusParts[1]), lines[0], headers, "", 0);
    }

    RawResponse withBody(String body) {
      return new RawResponse(status, statusLine, headerList, body, chunks);
    }

    /** The first value of a header (names ignore case), or {@code null}. */
    public String header(String name) {
      for (String[] header : headerList) {
        if (header[0].toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          return header[1];
        }
      }
      return null;
    }
  }
}
