package dev.kiln.it.server;

import dev.kiln.Body;
import dev.kiln.Form;
import dev.kiln.HttpMethod;
import dev.kiln.Route;
import dev.kiln.Upload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Bodies, forms and uploads for the socket tests; uploads report what the spool directory held. */
public final class RequestDataViews {
  /** How many files the spool held when {@code /data/upload-fails} threw, for the test to see they existed. */
  static final java.util.concurrent.atomic.AtomicLong SPOOLED_WHEN_FAILING = new java.util.concurrent.atomic.AtomicLong(-1);

  private final Path spool;

  RequestDataViews(Path spool) {
    this.spool = spool;
  }

  public record Project(@NotBlank @Size(max = 32) String name, @NotBlank @Size(max = 32) String slug,
      @Size(max = 255) String description, @Min(1) @Max(5) int stars, List<@NotBlank String> tags) {}

  @Route(method = HttpMethod.POST, path = "/data/projects", consumes = {Route.JSON, Route.FORM, Route.MULTIPART})
  public Project add(@Body Project project) {
    return project;
  }

  /** Each file as {@code name=size:memory|disk}, then how many files the spool directory holds now. */
  @Route(method = HttpMethod.POST, path = "/data/upload", maxBodySize = 4 * 1024 * 1024)
  public String upload(@Form("title") String title, @Form("files") List<Upload> files) throws IOException {
    String each = files.stream()
        .map(f -> f.filename() + "=" + f.size() + ":" + (f.isInMemory() ? "memory" : "disk") + ":" + digest(f))
        .collect(Collectors.joining(","));
    return title + "|" + each + "|spooled " + spooled();
  }

  @Route(method = HttpMethod.POST, path = "/data/upload-fails", maxBodySize = 4 * 1024 * 1024)
  public String uploadFails(@Form("files") List<Upload> files) {
    SPOOLED_WHEN_FAILING.set(spooled());
    throw new IllegalStateException("failing after " + files.size() + " files arrived");
  }

  private long spooled() {
    try (Stream<Path> files = Files.list(spool)) {
      return files.count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int digest(Upload file) {
    try {
      return java.util.Arrays.hashCode(file.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
