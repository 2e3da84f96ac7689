package dev.kiln.internal.body;

import java.nio.file.Path;

/**
 * How multipart bodies are decoded.
 *
 * @param directory where parts above {@code spoolThreshold} are written; {@code null} for the JVM's
 *     temporary directory
 * @param spoolThreshold parts up to this size stay in memory
 * @param maxPartSize the largest part accepted (413 beyond); -1 for the request's body limit
 * @param maxParts the most parts a body may have (413 beyond)
 */
public record MultipartLimits(Path directory, long spoolThreshold, long maxPartSize, int maxParts) {
  public static final MultipartLimits DEFAULTS = new MultipartLimits(null, 16 * 1024, -1, 256);
}
