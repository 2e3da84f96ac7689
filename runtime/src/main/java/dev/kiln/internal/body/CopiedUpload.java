package dev.kiln.internal.body;

import dev.kiln.Upload;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An {@link Upload} whose content was copied into memory. */
record CopiedUpload(String name, String filename, String contentType, byte[] content) implements Upload {
  @Override
  public long size() {
    return content.length;
  }

  @Override
  public boolean isInMemory() {
    return true;
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(content);
  }

  @Override
  public byte[] bytes() {
    return content.clone();
  }

  @Override
  public Path transferTo(Path target) throws java.io.IOException {
    return Files.write(target, content);
  }
}
