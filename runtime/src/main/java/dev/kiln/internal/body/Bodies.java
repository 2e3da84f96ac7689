package dev.kiln.internal.body;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.kiln.FormData;
import dev.kiln.HttpError;
import dev.kiln.Problem;
import dev.kiln.Request;
import dev.kiln.Upload;
import java.io.IOException;
import java.util.List;

/**
 * Reading request bodies, for generated binding code and for {@link Request}: what kind of body a
 * request has, and JSON read with the client's mistakes answered as 400 problems that say where.
 */
public final class Bodies {
  public static final String JSON = "application/json";
  public static final String URLENCODED = "application/x-www-form-urlencoded";
  public static final String MULTIPART = "multipart/form-data";

  private Bodies() {}

  /** What a request's body is, by its {@code Content-Type}. */
  public enum Kind {
    /** No body, and no {@code Content-Type} announcing one. */
    NONE,
    JSON,
    URLENCODED,
    MULTIPART,
    /** Any other media type, or a body without a {@code Content-Type}. */
    OTHER
  }

  public static Kind kind(Request request) {
    String type = request.mediaType();
    if (type == null) {
      return request.hasBody() ? Kind.OTHER : Kind.NONE;
    }
    if (type.equals(JSON) || (type.startsWith("application/") && type.endsWith("+json"))) {
      return Kind.JSON;
    }
    if (type.equals(URLENCODED)) {
      return Kind.URLENCODED;
    }
    return type.equals(MULTIPART) ? Kind.MULTIPART : Kind.OTHER;
  }

  /** Whether a request's body is a form, urlencoded or multipart. */
  public static boolean isForm(Kind kind) {
    return kind == Kind.URLENCODED || kind == Kind.MULTIPART;
  }

  /** The body read as a {@code type} by the request's app's JSON codec: what generated binders call. */
  public static <T> T json(Request request, com.fasterxml.jackson.databind.JavaType type) {
    return json(request, request.app().json().reader(type));
  }

  /**
   * The body read by {@code reader}.
   *
   * @throws HttpError 400 for an empty body, malformed JSON (with line and column) or a value of the
   *     wrong shape (with its JSON path)
   */
  public static <T> T json(Request request, ObjectReader reader) {
    byte[] body = request.body();
    if (body.length == 0) {
      throw missing();
    }
    try {
      T value = reader.readValue(body);
      if (value == null) {
        throw Problem.of(400).detail("the request body is JSON null; a value is required").toError();
      }
      return value;
    } catch (StreamReadException e) {
      JsonLocation at = e.getLocation();
      Problem problem = Problem.of(400).detail("malformed JSON" + where(at) + ": " + e.getOriginalMessage());
      if (at != null) {
        problem.with("line", at.getLineNr()).with("column", at.getColumnNr());
      }
      throw problem.toError();
    } catch (JsonMappingException e) {
      String path = path(e);
      throw Problem.of(400).detail("invalid JSON at " + path + ": " + firstLine(e.getOriginalMessage()))
          .with("path", path).toError();
    } catch (JsonProcessingException e) {
      throw Problem.of(400).detail("invalid JSON: " + firstLine(e.getOriginalMessage())).toError();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // reading a byte array does no I/O
    }
  }

  /** A form field's first value, or {@code null} when it is absent or empty (an empty input). */
  public static String nonEmpty(FormData form, String name) {
    String value = form.first(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** The first file sent under {@code name}, or {@code null}; none for a body that is not multipart. */
  public static Upload file(Request request, String name) {
    return kind(request) == Kind.MULTIPART ? request.multipart().file(name) : null;
  }

  /** The files sent under {@code name}; none for a body that is not multipart. */
  public static List<Upload> files(Request request, String name) {
    return kind(request) == Kind.MULTIPART ? request.multipart().files(name) : List.of();
  }

  /** The first file sent under {@code name}; 400 when there is none. */
  public static Upload requiredFile(Request request, String name) {
    if (kind(request) != Kind.MULTIPART && kind(request) != Kind.NONE) {
      throw unsupported(request, MULTIPART);
    }
    Upload file = file(request, name);
    if (file == null) {
      throw Problem.of(400).detail("missing required file '" + name + "'").with("field", name).toError();
    }
    return file;
  }

  /** 400: the route needs a body and none was sent. */
  public static HttpError missing() {
    return Problem.of(400).detail("missing required request body").toError();
  }

  /** 415, listing what the route accepts. */
  public static HttpError unsupported(Request request, String accepted) {
    String sent = request.mediaType();
    return Problem.of(415)
        .detail((sent == null ? "a request body without Content-Type" : "Content-Type " + sent)
            + " is not accepted; send " + accepted)
        .toError();
  }

  /** {@code $.items[2].name}, the JSONPath of the value a mapping error is about. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder("$");
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append('.').append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unexpected value";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
