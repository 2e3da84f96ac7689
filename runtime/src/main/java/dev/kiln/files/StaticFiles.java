package dev.kiln.files;

import dev.kiln.HttpError;
import dev.kiln.Request;
import dev.kiln.Response;
import dev.kiln.internal.statics.Asset;
import dev.kiln.internal.statics.Manifest;
import dev.kiln.internal.statics.StaticResponder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Static files (the talk's {@code app.router.add_static}), served by a route of the app's own:
 *
 * <pre>{@code
 * @Route(path = "/static/{path:.+}", name = "static")
 * public Response file(Request request, String path) {
 *   return files.serve(request, path);
 * }
 * // and in a page: files.url("css/site.css") is "/static/css/site.3f2a9c1b.css"
 * }</pre>
 *
 * <p><b>Only listed files.</b> The files are listed once, when this is made: every regular file
 * under the folder but dotfiles and dot-folders, each with its size, SHA-256, type and
 * precompressed siblings. A request's path is looked up in that list and never resolved against
 * the file system, so {@code ..}, encoded dots, backslashes, NUL or absolute paths can name nothing
 * the list does not hold. Every path it does not hold gets the same 404.
 *
 * <p><b>Caching.</b> {@link #url} gives a file's versioned URL ({@code site.3f2a9c1b.css}, from
 * its hash), which is answered with {@code Cache-Control: public, max-age=31536000, immutable}. A
 * plain URL gets {@code no-cache} and a strong {@code ETag}. {@code If-None-Match} and
 * {@code If-Modified-Since} answer 304. A single {@code Range} answers 206, with {@code If-Range}
 * honoured, and a range beyond the file answers 416. Several ranges get the whole file (200), never
 * {@code multipart/byteranges}. {@code HEAD} says what {@code GET} would.
 *
 * <p><b>Compression.</b> A {@code site.css.gz} or {@code site.css.br} beside {@code site.css} is
 * sent when the client accepts it, with {@code Vary: Accept-Encoding}. Nothing is compressed while
 * it is served (the {@code Compression} middleware leaves range-capable answers alone), so bodies
 * go by {@code sendfile}, except files of 16 KiB or less: those are read once when listed and sent
 * from memory with their head, in one write, which costs less than a {@code sendfile} of their own.
 * Precompress text files at build time.
 */
public final class StaticFiles {
  private final String prefix;
  private final Path folder;
  /** Replaced in development when the folder changes; read on every request. */
  private volatile Manifest manifest;
  private volatile long scanned;

  private StaticFiles(String prefix, Path folder, Manifest manifest) {
    this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    this.folder = folder;
    this.manifest = manifest;
  }

  /**
   * The files of {@code folder} on the class path of {@code application} ({@code "static"} for
   * {@code src/main/resources/static}), linked under {@code prefix}: what a packaged app serves.
   * Files inside a jar are copied once to a temporary folder, so they too are sent with {@code sendfile}.
   */
  public static StaticFiles fromClasspath(Class<?> application, String prefix, String folder) {
    return new StaticFiles(prefix, null, Manifest.fromClasspath(application.getClassLoader(), folder));
  }

  /**
   * The files of a folder on disk, for development ({@code src/main/resources/static}): the same
   * rules, and a file added, changed or deleted is served as it is now, with no rebuild.
   */
  public static StaticFiles fromFolder(String prefix, Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    return new StaticFiles(prefix, absolute, Manifest.scan(absolute));
  }

  /** {@code fromFolder} when {@code development} and the folder exists, else {@code fromClasspath}. */
  public static StaticFiles of(Class<?> application, String prefix, String classpathFolder, Path sourceFolder,
      boolean development) {
    return development && Files.isDirectory(sourceFolder) ? fromFolder(prefix, sourceFolder)
        : fromClasspath(application, prefix, classpathFolder);
  }

  /** The answer for {@code path}, the part of the request's path after the prefix. */
  public Response serve(Request request, String path) {
    Objects.requireNonNull(path, "path");
    if (!plausible(path)) {
      return notFound();
    }
    Manifest current = current(path);
    Asset asset = current.find(path);
    boolean versioned = false;
    if (asset == null) {
      asset = current.findVersioned(path);
      versioned = asset != null;
    }
    return asset == null ? notFound() : StaticResponder.respond(request, asset, versioned);
  }

  /**
   * The versioned URL of {@code path} ({@code /static/css/site.3f2a9c1b.css}), which changes
   * whenever the file's bytes do, so browsers may keep it for a year.
   *
   * @throws IllegalArgumentException when no such file is listed
   */
  public String url(String path) {
    Asset asset = current(path).find(path);
    if (asset == null) {
      throw new IllegalArgumentException("no static file " + path + " under " + prefix);
    }
    return prefix + asset.versionedPath();
  }

  /** Whether {@code path} is listed. */
  public boolean has(String path) {
    return plausible(path) && current(path).find(path) != null;
  }

  /** How many files are listed. */
  public int size() {
    return manifest.size();
  }

  /**
   * In development, the listing as the folder is now: listed again when a lookup misses (a file
   * added) or its file changed or went, at most every 100 ms.
   */
  private Manifest current(String path) {
    Manifest now = manifest;
    if (folder == null) {
      return now;
    }
    Asset asset = now.find(path);
    if (asset != null && unchanged(asset)) {
      return now;
    }
    long time = System.nanoTime();
    if (time - scanned > 100_000_000L) {
      now = Manifest.scan(folder);
      manifest = now;
      scanned = time;
    }
    return now;
  }

  private static boolean unchanged(Asset asset) {
    try {
      return Files.size(asset.file()) == asset.size()
          && Files.getLastModifiedTime(asset.file()).toMillis() / 1000 * 1000 == asset.lastModified();
    } catch (IOException e) {
      return false;
    }
  }

  /** What no listed path looks like: empty or dot segments, backslashes, NUL. Still the same 404. */
  private static boolean plausible(String path) {
    if (path.isEmpty() || path.length() > 1024 || path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
      return false;
    }
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (end == start || path.charAt(start) == '.') {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  private static Response notFound() {
    return HttpError.notFound("Not Found").toResponse();
  }
}
