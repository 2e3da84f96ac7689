package dev.kiln.sample.storage;

import dev.kiln.Upload;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Uploaded files, remembered by digest in memory: the upload form's storage. */
public final class FileStore {
  private final List<StoredFile> files = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  public List<StoredFile> all() {
    return List.copyOf(files);
  }

  /** Reads the upload once, streaming, to digest it; Kiln deletes its temporary file after the response. */
  public StoredFile add(Upload upload, String note) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    try (InputStream in = upload.open()) {
      byte[] buffer = new byte[8192];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
    }
    StoredFile stored = new StoredFile(ids.incrementAndGet(), upload.filename(), upload.contentType(), upload.size(),
        HexFormat.of().formatHex(sha256.digest()), note);
    files.add(stored);
    return stored;
  }
}
