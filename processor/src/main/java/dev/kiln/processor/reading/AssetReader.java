package dev.kiln.processor.reading;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lists the static files the build copied to the class output before compiling (Maven's
 * process-resources does), by the rules {@code StaticFiles} serves them by: no dotfile or
 * dot-folder, and a {@code .gz} or {@code .br} beside its file is no file of its own.
 */
public final class AssetReader {
  private AssetReader() {}

  /**
   * The files under {@code folder} of the class output, as {@code css/site.css}; none when the
   * output is not on disk. {@code written} is where a resource named {@code writtenName} went in it.
   */
  public static List<String> list(URI written, String writtenName, String folder) {
    if (!"file".equals(written.getScheme())) {
      return List.of(); // an in-memory output (a test's, an IDE's): nothing was copied there
    }
    Path root = Path.of(written);
    for (int i = Path.of(writtenName).getNameCount(); i > 0 && root != null; i--) {
      root = root.getParent();
    }
    if (root == null) {
      return List.of();
    }
    root = root.resolve(folder);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Path base = root;
    Set<String> paths = new HashSet<>();
    try (Stream<Path> tree = Files.walk(base)) {
      tree.filter(Files::isRegularFile).map(base::relativize).filter(AssetReader::listed)
          .map(relative -> relative.toString().replace('\\', '/')).forEach(paths::add);
    } catch (IOException e) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    for (String path : paths) {
      boolean sibling = (path.endsWith(".gz") || path.endsWith(".br")) && paths.contains(path.substring(0, path.length() - 3));
      if (!sibling) {
        files.add(path);
      }
    }
    return files;
  }

  private static boolean listed(Path relative) {
    for (Path segment : relative) {
      if (segment.toString().startsWith(".")) {
        return false;
      }
    }
    return true;
  }
}
