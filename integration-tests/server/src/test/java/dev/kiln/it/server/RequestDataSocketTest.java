package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.MultipartBody;
import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestClient;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Request bodies over a real socket: JSON and forms into one record, multipart uploads streamed and
 * spooled to disk, the spool emptied after the response, a failing handler and a client that walks
 * away, and the 400, 413, 415 and 422 answers.
 */
class RequestDataSocketTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SPOOL = spoolDirectory();
  private static final int THRESHOLD = 1024;

  @RegisterExtension
  static final KilnExtension KILN = KilnExtension.serve(() -> new ServerTestApp().router(SPOOL),
      server -> server.accessLog(false).multipart(SPOOL, THRESHOLD, 2 * 1024 * 1024, 8));

  private static Path spoolDirectory() {
    try {
      return Files.createTempDirectory("kiln-spool");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterAll
  static void noBufferLeakedAndNothingLeftOnDisk() throws IOException {
    assertThat(LeakDetection.collect()).isEmpty();
    assertThat(spooled()).isZero();
    Files.delete(SPOOL);
  }

  private static long spooled() {
    try (Stream<Path> files = Files.list(SPOOL)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The spool is emptied once the response is flushed, which the client may see a moment before. */
  private static void awaitEmptySpool() {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (spooled() > 0) {
      assertThat(System.nanoTime()).as("spool directory still holds files").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  private static byte[] bytes(int size, int seed) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) {
      bytes[i] = (byte) (i * 31 + seed);
    }
    return bytes;
  }

  @Test
  void aJsonBodyBecomesTheRecord(TestClient client) throws IOException {
    TestResponse response = client.send("POST", "/data/projects", "application/json",
        "{\"name\":\"Kiln\",\"slug\":\"kiln\",\"stars\":5,\"tags\":[\"java\"]}".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(JSON.readTree(response.bytes())).isEqualTo(JSON.readTree(
        "{\"name\":\"Kiln\",\"slug\":\"kiln\",\"description\":null,\"stars\":5,\"tags\":[\"java\"]}"));
  }

  @Test
  void aFormBodyBecomesTheSameRecord(TestClient client) throws IOException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("name", "Kiln");
    form.put("slug", "kiln");
    form.put("stars", "5");
    form.put("tags", "java");
    TestResponse response = client.postForm("/data/projects", form);
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(JSON.readTree(response.bytes())).isEqualTo(JSON.readTree(
        "{\"name\":\"Kiln\",\"slug\":\"kiln\",\"description\":null,\"stars\":5,\"tags\":[\"java\"]}"));

    TestResponse multipart = client.post("/data/projects", new MultipartBody()
        .field("name", "Kiln").field("slug", "kiln").field("stars", "5").field("tags", "java"));
    assertThat(JSON.readTree(multipart.bytes())).isEqualTo(JSON.readTree(response.bytes()));
  }

  @Test
  void everyViolationIsListedWithItsPathIn422(TestClient client) throws IOException {
    TestResponse response = client.send("POST", "/data/projects", "application/json",
        "{\"name\":\"\",\"slug\":\"x\",\"stars\":9,\"tags\":[\"ok\",\" \"]}".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    JsonNode violations = JSON.readTree(response.bytes()).get("violations");
    assertThat(violations.findValuesAsText("path")).containsExactly("$.name", "$.stars", "$.tags[1]");
    assertThat(violations.findValuesAsText("message")).containsExactly(
        "must not be blank", "must be less than or equal to 5", "must not be blank");
  }

  @Test
  void malformedJsonIs400SayingWhere(TestClient client) throws IOException {
    TestResponse response = client.send("POST", "/data/projects", "application/json",
        "{\"name\": \"Kiln\",\n\"slug\" \"kiln\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(400);
    JsonNode problem = JSON.readTree(response.bytes());
    assertThat(problem.get("line").asInt()).isEqualTo(2);
    assertThat(problem.get("column").asInt()).isEqualTo(8);
    assertThat(problem.get("detail").asText()).startsWith("malformed JSON at line 2, column 8");
  }

  @Test
  void jsonIsReadStrictlyWithoutGuessing(TestClient client) {
    String valid = "{\"name\":\"Kiln\",\"slug\":\"kiln\",\"stars\":5,\"tags\":[]}";
    for (String body : new String[] {
        valid + " xyz",                                                    // text after the value
        valid + valid,                                                     // a second value
        "{\"name\":\"Kiln\",\"name\":\"Other\",\"slug\":\"kiln\",\"stars\":5,\"tags\":[]}", // a repeated key
        "{\"name\":123,\"slug\":\"kiln\",\"stars\":5,\"tags\":[]}",        // a number for a string
        "{\"name\":true,\"slug\":\"kiln\",\"stars\":5,\"tags\":[]}",       // a boolean for a string
        "{\"name\":1e999999999,\"slug\":\"kiln\",\"stars\":5,\"tags\":[]}", // a float for a string
        "{\"name\":\"Kiln\",\"slug\":\"kiln\",\"stars\":\"5\",\"tags\":[]}"}) { // a string for a number
      TestResponse response = client.send("POST", "/data/projects", "application/json", body.getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).as("%s -> %s", body, response.text()).isEqualTo(400);
    }
    assertThat(client.send("POST", "/data/projects", "application/json", (valid + " \n").getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(200);
  }

  @Test
  void anUnsupportedContentTypeIs415(TestClient client) {
    TestResponse response = client.send("POST", "/data/projects", "text/csv",
        "Kiln,kiln".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.text()).contains("Content-Type text/csv is not accepted");
  }

  @Test
  void multipartFilesAndFieldsArriveAndTheSpooledFileIsDeletedAfterTheResponse(TestClient client) {
    byte[] small = bytes(100, 1);
    byte[] large = bytes(300_000, 2);
    TestResponse response = client.post("/data/upload", new MultipartBody()
        .field("title", "Minutes")
        .file("files", "notes.txt", "text/plain", small)
        .file("files", "../scan.bin", "application/octet-stream", large));
    assertThat(response.status()).as(response.text()).isEqualTo(200);
    assertThat(response.text()).isEqualTo("Minutes|notes.txt=100:memory:" + Arrays.hashCode(small)
        + ",scan.bin=300000:disk:" + Arrays.hashCode(large) + "|spooled 1");
    awaitEmptySpool();
  }

  @Test
  void theSpooledFileIsDeletedWhenTheHandlerThrows(TestClient client) {
    TestResponse response = client.post("/data/upload-fails", new MultipartBody()
        .file("files", "scan.bin", "application/octet-stream", bytes(200_000, 3)));
    assertThat(response.status()).isEqualTo(500);
    assertThat(RequestDataViews.SPOOLED_WHEN_FAILING.get()).as("the upload was on disk while the handler ran")
        .isEqualTo(1);
    awaitEmptySpool();
    // and the server goes on
    assertThat(client.get("/").status()).isEqualTo(200);
  }

  @Test
  void theSpooledFileIsDeletedWhenTheClientGoesAwayMidUpload(TestServer server) {
    MultipartBody body = new MultipartBody().file("files", "big.bin", "application/octet-stream", bytes(500_000, 4));
    byte[] whole = body.bytes();
    try (RawConnection connection = server.raw()) {
      connection.send("POST /data/upload-fails HTTP/1.1\r\nHost: x\r\nContent-Type: " + body.contentType()
          + "\r\nContent-Length: " + whole.length + "\r\n\r\n");
      connection.send(Arrays.copyOf(whole, whole.length / 2));
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (spooled() == 0) { // the half sent is being spooled
        assertThat(System.nanoTime()).as("nothing spooled").isLessThan(deadline);
        Thread.onSpinWait();
      }
    }
    awaitEmptySpool();
  }

  @Test
  void aDeclaredLengthOverTheLimitIs413BeforeAnyByteIsRead(TestServer server) {
    try (RawConnection connection = server.raw()) {
      RawConnection.RawResponse response = connection.send("POST /data/upload HTTP/1.1\r\nHost: x\r\n"
          + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 5000000\r\n\r\n").read();
      assertThat(response.status()).isEqualTo(413);
    }
  }

  @Test
  void aPartOverTheLimitIs413(TestClient client) {
    TestResponse response = client.post("/data/upload", new MultipartBody()
        .field("title", "x")
        .file("files", "huge.bin", "application/octet-stream", bytes(2 * 1024 * 1024 + 1, 5)));
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("multipart part larger than 2097152 bytes");
    awaitEmptySpool();
  }

  @Test
  void aChunkedMultipartBodyOverTheBodyLimitIs413WhileItStreams(TestServer server) {
    // Three parts under the 2 MiB part limit, 4.5 MiB together: over the route's 4 MiB, with no length to refuse.
    MultipartBody body = new MultipartBody();
    for (int i = 0; i < 3; i++) {
      body.file("files", "part" + i + ".bin", "application/octet-stream", bytes(1_500_000, i));
    }
    byte[] whole = body.bytes();
    try (RawConnection connection = server.raw()) {
      connection.send("POST /data/upload HTTP/1.1\r\nHost: x\r\nContent-Type: " + body.contentType()
          + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      // Sends just past the limit, then waits: writing on after the server hung up would reset the connection.
      int chunk = 64 * 1024;
      for (int offset = 0; offset <= 4 * 1024 * 1024; offset += chunk) {
        int length = Math.min(chunk, whole.length - offset);
        connection.send(Integer.toHexString(length) + "\r\n");
        connection.send(Arrays.copyOfRange(whole, offset, offset + length));
        connection.send("\r\n");
      }
      RawConnection.RawResponse response = connection.read();
      assertThat(response.status()).isEqualTo(413);
      assertThat(response.body()).contains("request body larger than 4194304 bytes");
    }
    awaitEmptySpool();
  }

  @Test
  void tooManyPartsIs413(TestClient client) {
    MultipartBody body = new MultipartBody();
    for (int i = 0; i < 9; i++) {
      body.field("title", "t" + i);
    }
    TestResponse response = client.post("/data/upload", body);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.text()).contains("more than 8 parts");
  }

  @Test
  void aMultipartBodyWithoutBoundaryIs400(TestClient client) {
    TestResponse response = client.send("POST", "/data/upload", "multipart/form-data",
        "--x\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).contains("malformed multipart body");
  }

  @Test
  void aTruncatedMultipartBodyIs400(TestClient client) {
    MultipartBody body = new MultipartBody().field("title", "x");
    byte[] whole = body.bytes();
    TestResponse response = client.send("POST", "/data/upload", body.contentType(),
        Arrays.copyOf(whole, whole.length - 10));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).contains("malformed multipart body");
  }

  @Test
  void aMalformedMultipartBodyIs400WithoutShowingWhatTheParserTrippedOn(TestClient client) {
    String[][] cases = {
        {"multipart/form-data; boundary=XB", "--XB\r\nContent-Type: text/plain\r\n\r\nx\r\n--XB--\r\n"}, // no disposition
        {"multipart/form-data; boundary=", "--XB\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--XB--\r\n"}};
    for (String[] c : cases) {
      TestResponse response = client.send("POST", "/data/upload", c[0], c[1].getBytes(StandardCharsets.UTF_8));
      assertThat(response.status()).as(response.text()).isEqualTo(400);
      assertThat(response.text()).contains("malformed multipart body").doesNotContain("java.", "Exception", "index");
    }
  }
}
