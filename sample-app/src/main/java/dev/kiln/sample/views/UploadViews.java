package dev.kiln.sample.views;

import dev.kiln.Form;
import dev.kiln.Html;
import dev.kiln.HttpMethod;
import dev.kiln.Response;
import dev.kiln.Route;
import dev.kiln.Upload;
import dev.kiln.sample.SampleAppUrls;
import dev.kiln.sample.storage.FileStore;
import dev.kiln.sample.storage.StoredFile;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** A multipart upload form: files and a note, kept as names, sizes and digests. */
public final class UploadViews {
  private final FileStore files;

  public UploadViews(FileStore files) {
    this.files = files;
  }

  /** The form, and the files uploaded so far. */
  @Route(path = "/uploads", name = "uploads")
  public Response uploads() {
    StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Uploads</title>"
        + "</head>\n<body><h1>Uploads</h1>\n<form method=\"post\" enctype=\"multipart/form-data\" action=\""
        + SampleAppUrls.upload() + "\">\n<input type=\"file\" name=\"files\" multiple>\n"
        + "<input type=\"text\" name=\"note\" maxlength=\"140\" placeholder=\"note\">\n"
        + "<button>Upload</button>\n</form>\n<ul>\n");
    for (StoredFile file : files.all()) {
      page.append("<li>").append(Html.escape(file.filename())).append(" (").append(file.size()).append(" bytes, ")
          .append(Html.escape(file.contentType())).append(", sha-256 ").append(file.sha256()).append(")")
          .append(file.note().isEmpty() ? "" : " — " + Html.escape(file.note())).append("</li>\n");
    }
    return Response.html(page.append("</ul>\n</body></html>\n").toString());
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
