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
 */
public record Asset(String path, Path file, long size, String sha256, String contentType, long lastModified,
    Encoded gzip, Encoded brotli) {

  /** A precompressed sibling: its bytes, its length. */
  public record Encoded(Path file, long size) {}

  /** A strong entity tag: the first 128 bits of the hash, and the coding for a precompressed body. */
  public String etag(String coding) {
    return "\"" + sha256.substring(0, 32) + (coding == null ? "" : "-" + coding) + "\"";
  }

  /** The short hash put into a versioned URL's name ({@code site.3f2a9c1b.css}). */
  public String version() {
    return sha256.substring(0, 8);
  }

  /** Its versioned path: {@code css/site.3f2a9c1b.css}, or {@code LICENSE.3f2a9c1b} without an extension. */
  public String versionedPath() {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) + "." + version() + path.substring(dot)
        : path + "." + version();
  }

  public boolean hasSiblings() {
    return gzip != null || brotli != null;
  }
}
