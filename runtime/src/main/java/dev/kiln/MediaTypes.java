package dev.kiln;

import dev.kiln.internal.text.Preferences;
import java.util.Locale;
import java.util.Map;

/** Media types: by file extension, for files served without a type of their own, and what a client prefers. */
public final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("html", Response.TEXT_HTML),
      Map.entry("htm", Response.TEXT_HTML),
      Map.entry("txt", Response.TEXT_PLAIN),
      Map.entry("css", "text/css; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"),
      Map.entry("md", "text/markdown; charset=utf-8"),
      Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("mjs", "text/javascript; charset=utf-8"),
      Map.entry("json", Response.APPLICATION_JSON),
      Map.entry("map", Response.APPLICATION_JSON),
      Map.entry("webmanifest", "application/manifest+json"),
      Map.entry("xml", "application/xml"),
      Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"),
      Map.entry("avif", "image/avif"),
      Map.entry("ico", "image/x-icon"),
      Map.entry("woff", "font/woff"),
      Map.entry("woff2", "font/woff2"),
      Map.entry("ttf", "font/ttf"),
      Map.entry("otf", "font/otf"),
      Map.entry("wasm", "application/wasm"),
      Map.entry("pdf", "application/pdf"),
      Map.entry("zip", "application/zip"),
      Map.entry("gz", "application/gzip"),
      Map.entry("mp4", "video/mp4"),
      Map.entry("webm", "video/webm"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("wav", "audio/wav"));

  private MediaTypes() {}

  /**
   * The media type of a file named {@code name} ({@code report.pdf} is {@code application/pdf}), by
   * its extension; {@code application/octet-stream} for an unknown one, so a browser never guesses.
   */
  public static String forFileName(String name) {
    int dot = name.lastIndexOf('.');
    String type = dot < 0 ? null : BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    return type != null ? type : Response.OCTET_STREAM;
  }

  /**
   * Whether a client sending this {@code Accept} wants HTML rather than JSON, as Kiln's error pages
   * decide it: {@code text/html} accepted at least as much as any JSON type; JSON when in doubt (no
   * header, {@code *}{@code /*}). A browser gets a redirect to a login page, an API client a 401.
   */
  public static boolean prefersHtml(String accept) {
    double html = 0;
    double json = 0;
    for (Preferences.Preference preference : Preferences.parse(accept)) {
      String type = preference.token();
      if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
        html = Math.max(html, preference.quality());
      } else if (type.equals("application/json") || type.endsWith("+json")) {
        json = Math.max(json, preference.quality());
      }
    }
    return html > 0 && html >= json;
  }
}
