package dev.kiln.internal.body;

import dev.kiln.Upload;
import io.netty.handler.codec.http.multipart.FileUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** An {@link Upload} over a part Netty's decoder holds in memory or in a temporary file. */
final class DecodedUpload implements Upload {
  private final FileUpload part;
  private final String filename;
  private final String contentType;

  DecodedUpload(FileUpload part) {
    this.part = part;
    this.filename = Filenames.sanitize(part.getFilename());
    String type = part.getContentType();
    this.contentType = type == null || type.isBlank() ? "application/octet-stream" : type;
  }

  @Override
  public String name() {
    return part.getName();
  }

  @Override
  public String filename() {
    return filename;
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public long size() {
    return part.length();
  }

  @Override
  public boolean isInMemory() {
    return part.isInMemory();
  }

  @Override
  public InputStream open() throws IOException {
    return part.isInMemory() ? new ByteArrayInputStream(part.get()) : Files.newInputStream(part.getFile().toPath());
  }

  @Override
  public byte[] bytes() throws IOException {
    return part.get();
  }

  @Override
  public Path transferTo(Path target) throws IOException {
    if (part.isInMemory()) {
      Files.write(target, part.get());
    } else {
      Files.copy(part.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    return target;
  }

  @Override
  public String toString() {
    return "Upload[" + name() + ", " + filename + ", " + size() + " bytes]";
  }
}
