package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.RawConnection;
import dev.kiln.testing.TestResponse;
import dev.kiln.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Static files over a socket: only listed files, versioned URLs cached for a year, ETags and dates
 * answered 304, one range 206 (If-Range honoured), a range beyond the file 416, several ranges the
 * whole file, HEAD, and the gzip sibling chosen by Accept-Encoding.
 */
class StaticFilesTest {
  private static final String CSS = "body { font-family: sans-serif; color: #222; }\n/* kiln test stylesheet */\n";
  private static final ServerTestApp APP = new ServerTestApp();
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(APP.router(), s -> s.accessLog(false));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static TestResponse get(String path, String... headers) {
    return server.client().get(path, headers);
  }

  @Test
  void aListedFileIsServedWithItsTypeTagAndDate() {
    TestResponse css = get("/static/css/site.css");
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.text()).isEqualTo(CSS);
    assertThat(css.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
    assertThat(css.header("Content-Length")).isEqualTo(String.valueOf(CSS.length()));
    assertThat(css.header("ETag")).matches("\"[0-9a-f]{32}\"");
    assertThat(css.header("Last-Modified")).endsWith(" GMT");
    assertThat(css.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(css.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(css.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(get("/static/js/app.js").header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
  }

  @Test
  void theVersionedUrlIsImmutableAndAStaleHashIsNotFound() {
    String url = APP.statics.files.url("css/site.css");
    assertThat(url).matches("/static/css/site\\.[0-9a-f]{8}\\.css");
    TestResponse versioned = get(url);
    assertThat(versioned.text()).isEqualTo(CSS);
    assertThat(versioned.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
    assertThat(get("/static/css/site.00000000.css").status()).isEqualTo(404);
  }

  @Test
  void anEtagOrADateTheClientHasIsAnswered304() {
    TestResponse first = get("/static/css/site.css");
    TestResponse byTag = get("/static/css/site.css", "If-None-Match", "\"other\", " + first.header("ETag"));
    assertThat(byTag.status()).isEqualTo(304);
    assertThat(byTag.text()).isEmpty();
    assertThat(byTag.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(byTag.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(get("/static/css/site.css", "If-None-Match", "W/" + first.header("ETag")).status())
        .as("If-None-Match compares weakly").isEqualTo(304);
    assertThat(get("/static/css/site.css", "If-None-Match", "*").status()).isEqualTo(304);
    assertThat(get("/static/css/site.css", "If-None-Match", "\"other\"").status()).isEqualTo(200);

    assertThat(get("/static/css/site.css", "If-Modified-Since", first.header("Last-Modified")).status()).isEqualTo(304);
    assertThat(get("/static/css/site.css", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").status())
        .isEqualTo(200);
    assertThat(get("/static/css/site.css", "If-Modified-Since", "yesterday").status()).isEqualTo(200);
    assertThat(get("/static/css/site.css", "If-None-Match", "\"other\"", "If-Modified-Since",
        first.header("Last-Modified")).status()).as("If-None-Match decides when present").isEqualTo(200);
  }

  @Test
  void oneRangeIs206() {
    TestResponse middle = get("/static/docs/alphabet.txt", "Range", "bytes=26-51");
    assertThat(middle.status()).isEqualTo(206);
    assertThat(middle.text()).isEqualTo("abcdefghijklmnopqrstuvwxyz");
    assertThat(middle.header("Content-Range")).isEqualTo("bytes 26-51/1000");
    assertThat(middle.header("Content-Length")).isEqualTo("26");

    TestResponse open = get("/static/docs/alphabet.txt", "Range", "bytes=990-");
    assertThat(open.header("Content-Range")).isEqualTo("bytes 990-999/1000");
    assertThat(open.text()).isEqualTo("cdefghijkl");
    TestResponse suffix = get("/static/docs/alphabet.txt", "Range", "bytes=-3");
    assertThat(suffix.header("Content-Range")).isEqualTo("bytes 997-999/1000");
    TestResponse beyondEnd = get("/static/docs/alphabet.txt", "Range", "bytes=998-5000");
    assertThat(beyondEnd.header("Content-Range")).isEqualTo("bytes 998-999/1000");
  }

  @Test
  void aRangeBeyondTheFileIs416AndOthersGetTheWholeFile() {
    TestResponse unsatisfiable = get("/static/docs/alphabet.txt", "Range", "bytes=1000-");
    assertThat(unsatisfiable.status()).isEqualTo(416);
    assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */1000");
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=-0").status()).isEqualTo(416);

    TestResponse several = get("/static/docs/alphabet.txt", "Range", "bytes=0-1,5-6");
    assertThat(several.status()).as("several ranges: the whole file").isEqualTo(200);
    assertThat(several.text()).hasSize(1000);
    for (String ignored : new String[] {"bytes=5-1", "items=0-1", "bytes=a-b", "bytes=-", "bytes 0-1"}) {
      assertThat(get("/static/docs/alphabet.txt", "Range", ignored).status()).as(ignored).isEqualTo(200);
    }
  }

  @Test
  void ifRangeSendsTheRangeOnlyForTheSameFile() {
    TestResponse whole = get("/static/docs/alphabet.txt");
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=0-0", "If-Range", whole.header("ETag")).status())
        .isEqualTo(206);
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=0-0", "If-Range", whole.header("Last-Modified"))
        .status()).isEqualTo(206);
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=0-0", "If-Range", "\"changed\"").status())
        .isEqualTo(200);
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=0-0", "If-Range", "W/" + whole.header("ETag"))
        .status()).as("a weak tag never validates a range").isEqualTo(200);
    assertThat(get("/static/docs/alphabet.txt", "Range", "bytes=0-0", "If-Range", "Thu, 01 Jan 1970 00:00:00 GMT")
        .status()).isEqualTo(200);
  }

  @Test
  void headSaysWhatGetWould() {
    TestResponse head = server.client().head("/static/docs/alphabet.txt");
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("1000");
    assertThat(head.header("ETag")).isEqualTo(get("/static/docs/alphabet.txt").header("ETag"));
    assertThat(head.text()).isEmpty();
  }

  @Test
  void theGzipSiblingIsSentToClientsThatAcceptIt() throws IOException {
    TestResponse gzip = get("/static/css/site.css", "Accept-Encoding", "br;q=1, gzip;q=0.5");
    assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
    assertThat(gzip.header("Vary")).isEqualTo("Accept-Encoding");
    assertThat(gzip.header("ETag")).endsWith("-gzip\"");
    assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gzip.bytes())).readAllBytes(),
        StandardCharsets.UTF_8)).isEqualTo(CSS);

    assertThat(get("/static/css/site.css", "Accept-Encoding", "gzip;q=0").header("Content-Encoding")).isNull();
    assertThat(get("/static/css/site.css", "Accept-Encoding", "*").header("Content-Encoding")).isEqualTo("gzip");
    assertThat(get("/static/css/site.css", "Accept-Encoding", "*, gzip;q=0").header("Content-Encoding")).isNull();
    assertThat(get("/static/css/site.css", "Accept-Encoding", "gzip", "Range", "bytes=0-3").header("Content-Encoding"))
        .as("a range counts the file's own bytes").isNull();
    assertThat(get("/static/css/site.css.gz").status()).as("a sibling is no file of its own").isEqualTo(404);
  }

  /** The same 404, with no handler answer and no file read, for every path the listing does not hold. */
  @ParameterizedTest
  @ValueSource(strings = {"/static/.env", "/static/.hidden/inside.txt", "/static/nope.css", "/static/css",
      "/static/css/", "/static/css//site.css", "/static/./css/site.css", "/static/css/./site.css",
      "/static/%2e%2e/ServerTestApp.class", "/static/css/..%2fsite.css", "/static/..%5cServerTestApp.class",
      "/static/css%2fsite.css%00.txt", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/%c0%ae%c0%ae/x",
      "/static//etc/passwd", "/static/css/site.css%20"})
  void unlistedPathsAreNotFound(String path) {
    try (RawConnection raw = server.raw()) {
      RawConnection.RawResponse response = raw.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").read();
      assertThat(response.status()).as(path).isIn(400, 404);
      assertThat(response.body()).as(path).doesNotContain("secret", "font-family", "root:");
    }
  }

  @Test
  void inDevelopmentAFolderIsServedAsItIsNow(@TempDir Path folder) throws Exception {
    Files.writeString(folder.resolve("app.css"), "one");
    APP.statics.development = dev.kiln.files.StaticFiles.fromFolder("/dev", folder);
    assertThat(get("/dev/app.css").text()).isEqualTo("one");
    Files.writeString(folder.resolve("added.js"), "added");
    assertThat(get("/dev/added.js").text()).isEqualTo("added");
    Files.delete(folder.resolve("app.css"));
    TestServerAwait.until("the deleted file was still served", () -> get("/dev/app.css").status() == 404);
    Files.writeString(folder.resolve("added.js"), "changed, longer");
    TestServerAwait.until("the changed file was not served", () -> get("/dev/added.js").text().equals("changed, longer"));
  }

  @Test
  void smallFilesGoFromMemoryAndLargeOnesBySendfileWithTheSameAnswers(@TempDir Path folder) throws Exception {
    byte[] small = new byte[16 * 1024];
    byte[] large = new byte[16 * 1024 + 1];
    new java.util.Random(17).nextBytes(small);
    new java.util.Random(18).nextBytes(large);
    Files.write(folder.resolve("small.bin"), small);
    Files.write(folder.resolve("large.bin"), large);
    APP.statics.development = dev.kiln.files.StaticFiles.fromFolder("/dev", folder);
    for (byte[] file : new byte[][] {small, large}) {
      String path = file == small ? "/dev/small.bin" : "/dev/large.bin";
      TestResponse whole = get(path);
      assertThat(whole.bytes()).as(path).isEqualTo(file);
      assertThat(whole.header("Content-Length")).isEqualTo(String.valueOf(file.length));
      assertThat(whole.header("ETag")).isNotNull();
      TestResponse part = get(path, "Range", "bytes=1000-1999");
      assertThat(part.status()).isEqualTo(206);
      assertThat(part.bytes()).isEqualTo(java.util.Arrays.copyOfRange(file, 1000, 2000));
      assertThat(part.header("Content-Range")).isEqualTo("bytes 1000-1999/" + file.length);
      assertThat(get(path, "If-None-Match", whole.header("ETag")).status()).isEqualTo(304);
    }
  }
}
