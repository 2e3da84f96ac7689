package dev.kiln.processor.model;

/** What a handler returns, and so how the generated code turns it into a {@code Response}. */
public enum ReturnKind {
  /** A {@code Response}: passed through. */
  RESPONSE,
  /** A {@code String}: {@code text/plain; charset=utf-8}. */
  TEXT,
  /** A {@code byte[]}: {@code application/octet-stream}. */
  BYTES,
  /** {@code void} or {@code Void}: 204 No Content. */
  NO_CONTENT,
  /** Anything else: JSON through a writer resolved once for the type. */
  JSON
}
