package dev.kiln;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoded {@code multipart/form-data} body: its text fields as a {@link FormData} and its files
 * as {@link Upload}s, each in the order they were sent. The server decodes the parts as they
 * arrive, so a large upload never sits in memory whole.
 */
public final class Multipart {
  private static final Multipart EMPTY = new Multipart(FormData.empty(), List.of());

  private final FormData fields;
  private final List<Upload> files;

  private Multipart(FormData fields, List<Upload> files) {
    this.fields = fields;
    this.files = files;
  }

  /** For servers and tests: the parts of a body decoded elsewhere. */
  public static Multipart of(FormData fields, List<Upload> files) {
    return fields.names().isEmpty() && files.isEmpty() ? EMPTY : new Multipart(fields, List.copyOf(files));
  }

  public static Multipart empty() {
    return EMPTY;
  }

  /** The text fields. */
  public FormData fields() {
    return fields;
  }

  /** Every file, in order. */
  public List<Upload> files() {
    return files;
  }

  /** The files sent under {@code name}, in order; empty when none was. */
  public List<Upload> files(String name) {
    List<Upload> named = new ArrayList<>(2);
    for (Upload file : files) {
      if (file.name().equals(name)) {
        named.add(file);
      }
    }
    return named;
  }

  /** The first file sent under {@code name}, or {@code null}. */
  public Upload file(String name) {
    for (Upload file : files) {
      if (file.name().equals(name)) {
        return file;
      }
    }
    return null;
  }
}
