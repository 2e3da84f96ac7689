package dev.kiln.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generation's private copy of the build output: the running application keeps loading its
 * classes lazily, and a build that deletes or rewrites them must not reach it.
 */
final class OutputCopy {
  private final Path root;
  private final List<Path> directories;

  private OutputCopy(Path root, List<Path> directories) {
    this.root = root;
    this.directories = directories;
  }

  /** Copies each of {@code outputs} into a fresh temporary directory. */
  static OutputCopy of(List<Path> outputs) throws IOException {
    Path root = Files.createTempDirectory("kiln-reload-");
    List<Path> copies = new ArrayList<>();
    try {
      for (int i = 0; i < outputs.size(); i++) {
        Path copy = root.resolve(Integer.toString(i));
        copyTree(outputs.get(i), copy);
        copies.add(copy);
      }
    } catch (IOException | UncheckedIOException e) {
      new OutputCopy(root, copies).delete();
      throw e;
    }
    return new OutputCopy(root, List.copyOf(copies));
  }

  URL[] urls() {
    URL[] urls = new URL[directories.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = directories.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    return urls;
  }

  /**
   * Loads (without initialising) every class of the copy: a class file cut short, or one whose
   * superclass the build has not written yet, fails here rather than in a request.
   */
  void loadEveryClass(ClassLoader loader) throws IOException, ClassNotFoundException {
    for (Path directory : directories) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : (Iterable<Path>) files.filter(OutputCopy::isClass)::iterator) {
          String name = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
          Class.forName(name.substring(0, name.length() - ".class".length()), false, loader);
        }
      }
    }
  }

  private static boolean isClass(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".class") && !name.equals("module-info.class") && !name.equals("package-info.class")
        && Files.isRegularFile(file);
  }

  /** Deletes the copy; what cannot be deleted now (a file still open) is left to the OS's temp cleanup. */
  void delete() {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // best effort: a temp directory
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) {
      return; // not built yet: an empty generation fails on its entry point, with that message
    }
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path path : (Iterable<Path>) tree::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(path)) {
          Files.copy(path, target);
        }
      }
    }
  }
}
