package dev.kiln.sample.views;

import dev.kiln.Form;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Upload;
import dev.kiln.files.StaticFiles;
import dev.kiln.sample.SampleAppTemplates;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.session.Session;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A multipart upload form: files and a note, kept as names, sizes and digests. */
public final class UploadViews {
  private final FileStore files;
  private final StaticFiles assets;

  public UploadViews(FileStore files, StaticFiles assets) {
    this.files = files;
    this.assets = assets;
  }

  /** The form, and the files uploaded so far: {@code uploads.jte}. */
  @Route(path = "/uploads", name = "uploads")
  public Response uploads(Session session) {
    return SampleAppTemplates.uploads(assets, session, files.all());
  }

  /**
   * Takes the form's files (large ones arrive spooled to disk) and sends the browser back to the
   * list.
   */
  @Route(method = HttpMethod.POST, path = "/uploads", name = "upload", maxBodySize = 16 * 1024 * 1024)
  public Response upload(@Form("files") @Size(min = 1, max = 10) List<Upload> uploads,
      @Form("note") @Size(max = 140) Optional<String> note) throws IOException {
    for (Upload upload : uploads) {
      files.add(upload, note.orElse(""));
    }
    return Response.seeOther(SampleAppUrls.uploads().toString());
  }
}
