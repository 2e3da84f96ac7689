package dev.kiln.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@code multipart/form-data} body built the way browsers build one, for tests of upload routes.
 *
 * <pre>{@code
 * client.post("/uploads", new MultipartBody()
 *     .field("note", "minutes")
 *     .file("files", "scan.png", "image/png", bytes));
 * }</pre>
 */
public final class MultipartBody {
  private final String boundary = "----KilnTest" + Long.toHexString(ThreadLocalRandom.current().nextLong());
  private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

  /** Adds a text field. */
  public MultipartBody field(String name, String value) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"\r\n\r\n");
    parts.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    write("\r\n");
    return this;
  }

  /** Adds a file part. */
  public MultipartBody file(String name, String filename, String contentType, byte[] content) {
    write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + quoted(name) + "\"; filename=\""
        + quoted(filename) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
    parts.writeBytes(content);
    write("\r\n");
    return this;
  }

  /** The {@code Content-Type} header's value, boundary included. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The whole body, closing boundary included. */
  public byte[] bytes() {
    ByteArrayOutputStream body = new ByteArrayOutputStream(parts.size() + boundary.length() + 8);
    body.writeBytes(parts.toByteArray());
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private void write(String text) {
    parts.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Quotes and line breaks are percent-encoded in names, as the HTML standard has browsers do. */
  private static String quoted(String text) {
    return text.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }
}
