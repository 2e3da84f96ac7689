package dev.kiln.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/** Compiles inline sources with Kiln's processor, and loads what they produced. */
final class Compilations {
  private Compilations() {}

  /** A source file from its text; the name comes from its package and first top-level type. */
  static JavaFileObject source(String text) {
    String pkg = text.contains("package ") ? text.replaceAll("(?s).*?package\\s+([\\w.]+);.*", "$1") : "";
    String type = text.replaceAll("(?s).*?(?:class|interface|enum|record)\\s+(\\w+).*", "$1");
    return JavaFileObjects.forSourceString(pkg.isEmpty() ? type : pkg + "." + type, text);
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new KilnProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(sources);
  }

  /**
   * Compiles {@code sources} into a plain application in {@code pkg} with one route, {@code GET
   * /api/x} ({@code Views#x}), for tests of what middlewares and interceptors do to a chain.
   */
  static Compilation compileWithOneRoute(String pkg, JavaFileObject... sources) {
    JavaFileObject[] all = java.util.Arrays.copyOf(sources, sources.length + 2);
    all[sources.length] = source("package " + pkg + ";\n@dev.kiln.Application\npublic final class Plain {}\n");
    all[sources.length + 1] = source("package " + pkg + ";\nimport dev.kiln.*;\npublic final class Views {\n"
        + "  @Route(path = \"/api/x\") public String x() { return \"\"; }\n}\n");
    return compileAllowingWarnings(all);
  }

  static Compilation compileAllowingWarnings(JavaFileObject... sources) {
    return javac().withProcessors(new KilnProcessor()).compile(sources);
  }

  /** Compiles with an extra classpath entry, as a partial recompile against earlier output does. */
  static Compilation compileAgainst(Path classes, JavaFileObject... sources) {
    List<File> classpath = new ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    return javac().withProcessors(new KilnProcessor()).withClasspath(classpath).compile(sources);
  }

  /** Writes every class file a compilation produced under {@code directory}. */
  static Path writeClasses(Compilation compilation, Path directory) {
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        String name = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "");
        Path target = directory.resolve(name);
        Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class loader over a compilation's class files, delegating Kiln's runtime to the test's loader. */
  static ClassLoader classLoader(Compilation compilation) {
    return classLoader(compilation, Compilations.class.getClassLoader());
  }

  /**
   * One class loader over a compilation's class files and, for classes it did not produce, an
   * earlier output directory: a partial recompile as the application would run it.
   */
  static ClassLoader classLoader(Compilation compilation, Path earlierOutput) {
    return new ClassLoader(Compilations.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = freshBytes(compilation, name);
        if (bytes == null) {
          Path file = earlierOutput.resolve(name.replace('.', '/') + ".class");
          if (!Files.exists(file)) {
            throw new ClassNotFoundException(name);
          }
          try {
            bytes = Files.readAllBytes(file);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  private static byte[] freshBytes(Compilation compilation, String name) {
    String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS && file.toUri().getPath().equals(path)) {
        try (InputStream in = file.openInputStream()) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return null;
  }

  /** A class loader over a compilation's class files, delegating to {@code parent} first. */
  static ClassLoader classLoader(Compilation compilation, ClassLoader parent) {
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String name = file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", "").replaceFirst("\\.class$", "")
            .replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(parent) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
      }
    };
  }

  /** The generated source of a type, as text. */
  static String generatedSource(Compilation compilation, String qualifiedName) {
    JavaFileObject file = compilation.generatedSourceFile(qualifiedName)
        .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
