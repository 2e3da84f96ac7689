package dev.kiln;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file sent in a multipart form. Small files are held in memory; larger ones were spooled to a
 * temporary file as they arrived. Either way the content lives until the response is written, then
 * it is deleted: {@link #transferTo(Path)} what should be kept.
 */
public interface Upload {
  /** The form field's name. */
  String name();

  /**
   * The file name the client gave, reduced to its last path component and stripped of control
   * characters: never a path. Empty when the client sent none.
   */
  String filename();

  /** The part's {@code Content-Type}, {@code application/octet-stream} when the client sent none. */
  String contentType();

  /** The size in bytes. */
  long size();

  /** Whether the content is held in memory rather than in a temporary file. */
  boolean isInMemory();

  /** The content; read it before the response is written. */
  InputStream open() throws IOException;

  /** The whole content in memory. */
  byte[] bytes() throws IOException;

  /** Copies the content to {@code target}, replacing it, and returns {@code target}. */
  Path transferTo(Path target) throws IOException;
}
