package dev.kiln.internal.statics;

import dev.kiln.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every file a static folder serves, listed once: a request's path is looked up here and nowhere
 * else, so no request can name a file the listing did not, whatever its dots, slashes or
 * encodings. Dotfiles and whatever lies in a dot-folder are never listed. A {@code .gz} or
 * {@code .br} file beside another is that file's precompressed sibling, not a file of its own.
 */
public final class Manifest {
  private final Map<String, Asset> byPath;
  private final Map<String, Asset> byVersionedPath;

  private Manifest(Map<String, Asset> byPath) {
    this.byPath = Map.copyOf(byPath);
    Map<String, Asset> versioned = new HashMap<>();
    for (Asset asset : byPath.values()) {
      versioned.put(asset.versionedPath(), asset);
    }
    this.byVersionedPath = Map.copyOf(versioned);
  }

  /** The file at {@code path} ({@code css/site.css}), or {@code null}. */
  public Asset find(String path) {
    return byPath.get(path);
  }

  /** The file whose versioned path is {@code path} ({@code css/site.3f2a9c1b.css}) with that very hash, or {@code null}. */
  public Asset findVersioned(String path) {
    return byVersionedPath.get(path);
  }

  public int size() {
    return byPath.size();
  }

  /** Every file under {@code folder}, hashed now. */
  public static Manifest scan(Path folder) {
    Map<String, Asset> assets = new HashMap<>();
    if (!Files.isDirectory(folder)) {
      return new Manifest(assets);
    }
    Set<Path> files = new HashSet<>();
    try (Stream<Path> tree = Files.walk(folder)) {
      tree.filter(Files::isRegularFile).filter(file -> listed(folder.relativize(file))).forEach(files::add);
    } catch (IOException e) {
      throw new UncheckedIOException("could not list the static files in " + folder, e);
    }
    for (Path file : files) {
      String path = relative(folder, file);
      if (isSibling(path) && files.contains(file.resolveSibling(baseName(file)))) {
        continue; // served as the precompressed form of its base file
      }
      assets.put(path, asset(path, file));
    }
    return new Manifest(assets);
  }

  /**
   * Every file under {@code folder} on {@code loader}'s class path: in place in a class folder, or
   * copied once out of a jar into a temporary folder, so it can be sent with {@code sendfile}.
   */
  public static Manifest fromClasspath(ClassLoader loader, String folder) {
    URL root = loader.getResource(folder.endsWith("/") ? folder : folder + "/");
    if (root == null) {
      return new Manifest(Map.of());
    }
    try {
      return switch (root.getProtocol()) {
        case "file" -> scan(Path.of(root.toURI()));
        case "jar" -> scan(extract((JarURLConnection) root.openConnection(), folder));
        default -> throw new IllegalStateException("static files at " + root + " are neither in a folder nor a jar");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the static files at " + root, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path extract(JarURLConnection connection, String folder) throws IOException {
    String prefix = connection.getEntryName().endsWith("/") ? connection.getEntryName() : connection.getEntryName() + "/";
    Path target = Files.createTempDirectory("kiln-static-");
    List<Path> made = new ArrayList<>();
    made.add(target);
    Path jarFile;
    try {
      jarFile = Path.of(connection.getJarFileURL().toURI()); // a URI decodes %20 and the like; a URL's path does not
    } catch (URISyntaxException e) {
      throw new IOException("not a jar file: " + connection.getJarFileURL(), e);
    }
    try (JarFile jar = new JarFile(jarFile.toFile())) {
      for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
        String name = entry.getName();
        if (entry.isDirectory() || !name.startsWith(prefix)) {
          continue;
        }
        String relative = name.substring(prefix.length());
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target) || !listed(Path.of(relative))) {
          continue; // a ".." entry (zip slip) or a dotfile: never copied, never served
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setLastModifiedTime(file, FileTime.fromMillis(entry.getTime()));
        made.add(file);
      }
    }
    made.sort(Comparator.comparingInt(Path::getNameCount)); // deleteOnExit deletes in reverse: files first
    made.forEach(path -> path.toFile().deleteOnExit());
    return target;
  }

  /** No segment of a dotfile or a dot-folder is ever listed. */
  private static boolean listed(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  private static String relative(Path folder, Path file) {
    StringBuilder path = new StringBuilder();
    for (Path segment : folder.relativize(file)) {
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(segment);
    }
    return path.toString();
  }

  private static boolean isSibling(String path) {
    return path.endsWith(".gz") || path.endsWith(".br");
  }

  private static String baseName(Path sibling) {
    String name = sibling.getFileName().toString();
    return name.substring(0, name.length() - 3);
  }

  private static Asset asset(String path, Path file) {
    try {
      long modified = Files.getLastModifiedTime(file).toMillis() / 1000 * 1000;
      long size = Files.size(file);
      // A small file is read once, and its hash and size are those of the bytes kept.
      byte[] bytes = size <= Asset.IN_MEMORY ? Files.readAllBytes(file) : null;
      String sha256 = bytes != null ? sha256(bytes) : sha256(file);
      return Asset.of(path, file, bytes != null ? bytes.length : size, sha256,
          MediaTypes.forFileName(file.getFileName().toString()), modified,
          encoded(file, ".gz", sha256, "gzip"), encoded(file, ".br", sha256, "br"), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read static file " + file, e);
    }
  }

  private static Asset.Encoded encoded(Path file, String suffix, String sha256, String coding) throws IOException {
    Path sibling = file.resolveSibling(file.getFileName() + suffix);
    return Files.isRegularFile(sibling) ? new Asset.Encoded(sibling, Files.size(sibling), Asset.tag(sha256, coding))
        : null;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
