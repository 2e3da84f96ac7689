package dev.kiln.internal.statics;

import java.nio.file.Path;

/**
 * One static file as the manifest knows it: where its bytes are, what they are, and its
 * precompressed siblings.
 *
 * @param path its path under the prefix ({@code css/site.css})
 * @param file where its bytes are on disk
 * @param size its length in bytes
 * @param sha256 the hex SHA-256 of its bytes
 * @param contentType its media type
 * @param lastModified when it last changed, in epoch milliseconds rounded down to the second (HTTP dates have no more)
 * @param gzip its {@code .gz} sibling, or {@code null}
 * @param brotli its {@code .br} sibling, or {@code null}
 * @param versionedPath the path with the hash's first 8 hex digits in its name, for URLs cached for a year
 * @param lastModifiedDate {@code lastModified} as an HTTP date
 * @param etag the file's own entity tag
 * @param bytes the file's bytes for a file of at most {@value #IN_MEMORY} bytes, sent from memory with
 *     its head in one write (cheaper than a {@code sendfile} of its own); {@code null} for larger files
 */
public record Asset(String path, Path file, long size, String sha256, String contentType, long lastModified,
    Encoded gzip, Encoded brotli, String versionedPath, String lastModifiedDate, String etag, byte[] bytes) {
  /** Files up to this size are kept in memory; larger ones go by {@code sendfile}. */
  static final int IN_MEMORY = 16 * 1024;

  /** The file as listed, with what every answer about it says worked out once, not per request. */
  static Asset of(String path, Path file, long size, String sha256, String contentType, long lastModified,
      Encoded gzip, Encoded brotli, byte[] bytes) {
    return new Asset(path, file, size, sha256, contentType, lastModified, gzip, brotli,
        versioned(path, sha256.substring(0, 8)), StaticResponder.httpDate(lastModified), tag(sha256, null), bytes);
  }

  /** A precompressed sibling: its bytes, its length, and its own entity tag. */
  public record Encoded(Path file, long size, String etag) {}

  /** The entity tag of the body sent with {@code coding} ({@code null}: the file itself). */
  public String etag(String coding) {
    if (coding == null) {
      return etag;
    }
    return coding.equals("br") ? brotli.etag() : gzip.etag();
  }

  /** A strong entity tag: the first 128 bits of the hash, and the coding for a precompressed body. */
  static String tag(String sha256, String coding) {
    return "\"" + sha256.substring(0, 32) + (coding == null ? "" : "-" + coding) + "\"";
  }

  /** {@code css/site.3f2a9c1b.css}, or {@code LICENSE.3f2a9c1b} without an extension. */
  private static String versioned(String path, String version) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) + "." + version + path.substring(dot) : path + "." + version;
  }

  public boolean hasSiblings() {
    return gzip != null || brotli != null;
  }
}
