package dev.kiln;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a {@link Response} carries after its head: bytes in memory, a value to write as JSON, a
 * region of a file, a stream written as the client takes it, or nothing. The server writes each kind the cheapest way it can: a
 * file with {@code sendfile} when nothing transforms its bytes, a stream in chunks, pausing the
 * writer while the client is slow, so neither is ever held whole in memory.
 *
 * <p>A middleware that transforms bodies handles each kind, or leaves alone those it cannot:
 *
 * <pre>{@code
 * if (response.body() instanceof ResponseBody.Bytes bytes) {
 *   return response.withBody(minify(bytes.bytes()));
 * }
 * return response;   // a file or a stream: passed on untouched
 * }</pre>
 */
public sealed interface ResponseBody {
  /** The body's length in bytes, or -1 when it is only known once written (a stream). */
  long length();

  /** No body: a 204, a redirect, a status without content. */
  record Empty() implements ResponseBody {
    static final Empty INSTANCE = new Empty();

    @Override
    public long length() {
      return 0;
    }
  }

  /** Bytes held in memory; the array is never modified once it is here. */
  record Bytes(byte[] bytes) implements ResponseBody {
    public Bytes {
      Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public long length() {
      return bytes.length;
    }
  }

  /**
   * A value written as JSON by the application's {@link JsonCodec} once the handler has answered,
   * on the handler's own thread ({@link Response#rendered} turns it into {@link Bytes}); {@code
   * type} is {@code null} to write it by its runtime class. A middleware that needs the bytes
   * renders it with {@code request.app().json()}.
   */
  record JsonValue(Object value, com.fasterxml.jackson.databind.JavaType type) implements ResponseBody {
    @Override
    public long length() {
      return -1;
    }
  }

  /**
   * {@code length} bytes of a file from {@code offset}: sent with {@code sendfile} when nothing
   * transforms them, read in chunks otherwise. The file is opened when the response is written.
   */
  record FileRegion(Path file, long offset, long length) implements ResponseBody {
    public FileRegion {
      Objects.requireNonNull(file, "file");
      if (offset < 0 || length < 0) {
        throw new IllegalArgumentException("a file region needs a non-negative offset and length, got "
            + offset + " and " + length);
      }
    }
  }

  /**
   * Bytes a {@link Writer} produces while the response is sent: written in chunks (with {@code
   * Transfer-Encoding: chunked} when {@code length} is -1), the writer paused while the client has
   * not taken what was written, so a slow client never makes the server buffer the stream.
   */
  record Stream(Writer writer, long length) implements ResponseBody {
    public Stream {
      Objects.requireNonNull(writer, "writer");
      if (length < -1) {
        throw new IllegalArgumentException("a stream's length is -1 (unknown) or more, got " + length);
      }
    }
  }

  /**
   * Writes a streamed body. It runs on a blocking thread, never on an event loop, so it may read a
   * database cursor or a file; {@code write} blocks while the client is slow, and throws an {@link
   * IOException} once the client has gone.
   */
  @FunctionalInterface
  interface Writer {
    void writeTo(OutputStream out) throws IOException;
  }
}
