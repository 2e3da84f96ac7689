package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.RawConnection;
import dev.kiln.testing.RawConnection.RawResponse;
import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies that are not bytes in memory, over a real socket: a file far larger than the server may
 * buffer, sent to a client that stops reading, with the heap flat; a stream likewise, its writer
 * held back; chunked streams of unknown length; failures before and after the first byte; and a
 * connection handed to another protocol after a 101.
 */
class ResponseBodiesTest {
  /** What the server may hold of a response in flight, beyond what the test itself keeps. */
  private static final long HEAP_SLACK = 16L << 20;

  @TempDir
  static Path files;
  private static final ServerTestApp APP = new ServerTestApp();
  private static TestServer server;

  @BeforeAll
  static void start() throws IOException {
    Path large = files.resolve("large.bin");
    try (OutputStream out = Files.newOutputStream(large)) {
      byte[] block = new byte[BodyViews.BLOCK];
      for (long i = 0; i < BodyViews.LARGE / BodyViews.BLOCK; i++) {
        Arrays.fill(block, BodyViews.blockByte(i));
        out.write(block);
      }
    }
    APP.bodies.largeFile = large;
    server = TestServer.start(APP.router(), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
    assertThat(LeakDetection.collect()).isEmpty();
  }

  @Test
  void aLargeFileGoesToAClientThatStopsReadingWithoutGrowingTheHeap() {
    long before = heapAfterGc();
    try (RawConnection connection = server.raw(64 * 1024)) {
      RawResponse head = connection.send("GET /bodies/file HTTP/1.1\r\nHost: x\r\n\r\n").readWithoutBody();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(BodyViews.LARGE));
      assertThat(head.header("Content-Type")).isEqualTo("application/octet-stream");
      BodyCheck body = new BodyCheck();
      body.read(connection, BodyViews.BLOCK); // then the client takes nothing for a while
      assertThat(heapAfterGc() - before).isLessThan(HEAP_SLACK);
      body.read(connection, BodyViews.LARGE - BodyViews.BLOCK);
      assertThat(body.received).isEqualTo(BodyViews.LARGE);
      assertThat(connection.send("GET /bodies/file-range HTTP/1.1\r\nHost: x\r\n\r\n").read().body())
          .isEqualTo(new String(new byte[] {0, 0, 1, 1}, StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void aLargeStreamHoldsItsWriterBackWhileTheClientIsSlow() {
    long before = heapAfterGc();
    try (RawConnection connection = server.raw(64 * 1024)) {
      RawResponse head = connection.send("GET /bodies/stream HTTP/1.1\r\nHost: x\r\n\r\n").readWithoutBody();
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(BodyViews.LARGE));
      assertThat(head.header("Transfer-Encoding")).isNull();
      BodyCheck body = new BodyCheck();
      body.read(connection, BodyViews.BLOCK);
      // The writer waits for the client, rather than writing on into memory.
      Conditions.waitUntil(() -> APP.bodies.streamWriter != null
          && APP.bodies.streamWriter.getState() == Thread.State.TIMED_WAITING, Duration.ofSeconds(10));
      assertThat(heapAfterGc() - before).isLessThan(HEAP_SLACK);
      body.read(connection, BodyViews.LARGE - BodyViews.BLOCK);
      assertThat(body.received).isEqualTo(BodyViews.LARGE);
      // The connection is kept for the next request.
      assertThat(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
    }
  }

  @Test
  void aStreamOfUnknownLengthArrivesInChunks() {
    try (RawConnection connection = server.raw()) {
      RawResponse chunked = connection.send("GET /bodies/chunks HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(chunked.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(chunked.header("Content-Length")).isNull();
      assertThat(chunked.body()).isEqualTo("first,second");
      assertThat(chunked.chunks()).isEqualTo(2); // the writer's flush made the first
      RawResponse head = connection.send("HEAD /bodies/chunks HTTP/1.1\r\nHost: x\r\n\r\n").readWithoutBody();
      assertThat(head.status()).isEqualTo(200);
      assertThat(connection.send("GET / HTTP/1.1\r\nHost: x\r\n\r\n").read().body()).isEqualTo("hello");
    }
  }

  @Test
  void http10GetsAStreamOfUnknownLengthEndedByTheClose() {
    try (RawConnection connection = server.raw()) {
      RawResponse head = connection.send("GET /bodies/chunks HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readWithoutBody();
      assertThat(head.statusLine()).startsWith("HTTP/1.0 200");
      assertThat(head.header("Transfer-Encoding")).isNull();
      assertThat(head.header("Connection")).isEqualTo("close");
      byte[] body = new byte[64];
      int n = connection.readSome(body);
      assertThat(new String(body, 0, n, StandardCharsets.UTF_8)).startsWith("first,");
      assertThat(connection.isClosedByServer()).isTrue();
    }
  }

  @Test
  void aStreamThatFailsBeforeItsFirstByteIsA500() {
    try (RawConnection connection = server.raw()) {
      RawResponse failed = connection.send("GET /bodies/fails-early HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(failed.status()).isEqualTo(500);
      assertThat(failed.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(failed.body()).doesNotContain("export went away");
    }
    assertThat(server.client().get("/").text()).isEqualTo("hello");
  }

  @Test
  void aStreamThatFailsLaterIsCutOffAndTheServerServesOn() {
    try (RawConnection connection = server.raw()) {
      RawResponse head = connection.send("GET /bodies/fails-late HTTP/1.1\r\nHost: x\r\n\r\n").readWithoutBody();
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(connection.isClosedByServer()).isTrue(); // no last chunk: the client knows it is cut off
    }
    try (RawConnection connection = server.raw()) {
      connection.send("GET /bodies/wrong-length HTTP/1.1\r\nHost: x\r\n\r\n");
      assertThat(connection.isClosedByServer()).isTrue(); // 5 of the 10 bytes it declared
    }
    assertThat(server.client().get("/").text()).isEqualTo("hello");
  }

  @Test
  void aFileThatIsNotThereIsA500() {
    assertThat(server.client().get("/bodies/gone").status()).isEqualTo(500);
  }

  @Test
  void aConnectionIsHandedToTheProtocolItUpgradesTo() {
    try (RawConnection connection = server.raw()) {
      // "hello" comes in the same packet as the request: it must reach the protocol, not HTTP.
      connection.send("GET /bodies/upgrade HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nhello");
      RawResponse switched = connection.readWithoutBody();
      assertThat(switched.status()).isEqualTo(101);
      assertThat(switched.header("Upgrade")).isEqualTo("echo");
      assertThat(switched.header("Connection")).isEqualTo("Upgrade");
      assertThat(readText(connection, 5)).isEqualTo("HELLO");
      connection.send("GET / HTTP/1.1\r\n"); // no longer HTTP to this connection
      assertThat(readText(connection, 16)).isEqualTo("GET / HTTP/1.1\r\n"); // echoed, upper case as it was
    }
  }

  @Test
  void anUpgradeTheServerCannotCarryOutIsA500() {
    assertThat(server.client().get("/bodies/foreign-upgrade").status()).isEqualTo(500);
    assertThat(server.client().get("/").text()).isEqualTo("hello");
  }

  private static String readText(RawConnection connection, int length) {
    byte[] bytes = new byte[length];
    int read = 0;
    while (read < length) {
      byte[] piece = new byte[length - read];
      int n = connection.readSome(piece);
      assertThat(n).isPositive();
      System.arraycopy(piece, 0, bytes, read, n);
      read += n;
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Reads a large body a piece at a time, checking each byte against the block pattern. */
  private static final class BodyCheck {
    private final byte[] buffer = new byte[64 * 1024];
    private final byte[] last = new byte[1];
    long received;

    /** Reads exactly {@code count} more bytes, so a response after the body stays unread. */
    void read(RawConnection connection, long count) {
      long end = received + count;
      while (received < end) {
        byte[] into = end - received >= buffer.length ? buffer : Arrays.copyOf(last, (int) (end - received));
        int n = connection.readSome(into);
        if (into != buffer) {
          System.arraycopy(into, 0, buffer, 0, Math.max(n, 0));
        }
        assertThat(n).as("body ended after %d bytes", received).isPositive();
        for (int i = 0; i < n; i++) {
          long at = received + i;
          if (buffer[i] != BodyViews.blockByte(at / BodyViews.BLOCK)) {
            throw new AssertionError("byte " + at + " is " + buffer[i]);
          }
        }
        received += n;
      }
    }
  }
}
