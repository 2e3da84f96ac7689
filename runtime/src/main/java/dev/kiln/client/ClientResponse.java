package dev.kiln.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An answer to an outbound call, its body read whole (up to the client's limit). */
public final class ClientResponse {
  private final String call;
  private final int status;
  private final URI uri;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final JsonCodec json;

  ClientResponse(String call, int status, URI uri, Map<String, List<String>> headers, byte[] body, JsonCodec json) {
    this.call = call;
    this.status = status;
    this.uri = uri;
    this.headers = headers;
    this.body = body;
    this.json = json;
  }

  public int status() {
    return status;
  }

  /** Whether the status is 2xx. */
  public boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The URI that answered. */
  public URI uri() {
    return uri;
  }

  /** The first value of a header, by name in any case, or {@code null}. */
  public String header(String name) {
    List<String> values = headers(name);
    return values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a header, by name in any case. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** All headers, by lower-case name. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The {@code Content-Type}, or {@code null}. */
  public String contentType() {
    return header("content-type");
  }

  public byte[] bytes() {
    return body.clone();
  }

  /** The body as text, in the charset its {@code Content-Type} names, UTF-8 otherwise. */
  public String text() {
    return new String(body, charset());
  }

  /** The body read as JSON into {@code type}. */
  public <T> T json(Class<T> type) {
    return json(json.mapper().constructType(type));
  }

  /** The body read as JSON into {@code type}, for generic types: {@code Json.listOf(Project.class)}. */
  public <T> T json(JavaType type) {
    try {
      return json.reader(type).readValue(body);
    } catch (IOException e) {
      throw new UncheckedIOException(call + ": the answer is not the JSON of a " + type.toCanonical() + ": "
          + (e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage()), e);
    }
  }

  /** This answer when it is 2xx; else the {@link ProblemException} or {@link StatusException} it makes. */
  public ClientResponse requireSuccess() {
    if (isSuccess()) {
      return this;
    }
    throw failure();
  }

  StatusException failure() {
    String type = contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
      ProblemException problem = ProblemException.read(call, this, json.mapper());
      if (problem != null) {
        return problem;
      }
    }
    return StatusException.of(call, this);
  }

  byte[] body() {
    return body;
  }

  private Charset charset() {
    String type = contentType();
    if (type != null) {
      int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        String name = type.substring(at + "charset=".length()).split(";", 2)[0].strip().replace("\"", "");
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  @Override
  public String toString() {
    return call + " → " + status;
  }

  /** {@code headers} with lower-case names, values of names that differed only in case joined. */
  static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
    Map<String, List<String>> lower = new TreeMap<>();
    headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (a, b) -> {
      List<String> both = new ArrayList<>(a);
      both.addAll(b);
      return List.copyOf(both);
    }));
    return Collections.unmodifiableMap(lower);
  }
}
