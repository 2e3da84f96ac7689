package dev.kiln.testing;

import com.fasterxml.jackson.databind.JavaType;
import dev.kiln.Json;
import dev.kiln.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A response a {@link TestClient} received. */
public final class TestResponse {
  /** Kiln\'s default JSON, as an app without modules of its own reads and writes it. */
  static final JsonCodec JSON = JsonCodec.standard();
  private final HttpResponse<byte[]> response;

  TestResponse(HttpResponse<byte[]> response) {
    this.response = response;
  }

  public int status() {
    return response.statusCode();
  }

  /** The first value of a header, or {@code null}. */
  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  public List<String> headers(String name) {
    return response.headers().allValues(name);
  }

  public byte[] bytes() {
    return response.body();
  }

  public String text() {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /** The body read as JSON into {@code type}. */
  public <T> T json(Class<T> type) {
    try {
      return JSON.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("body is not " + type.getSimpleName() + " JSON: " + text(), e);
    }
  }

  /** The body read as JSON into a generic type, e.g. {@code Json.type(List.class, Json.type(Project.class))}. */
  public <T> T json(JavaType type) {
    try {
      return JSON.mapper().readValue(response.body(), type);
    } catch (IOException e) {
      throw new UncheckedIOException("body is not " + type + " JSON: " + text(), e);
    }
  }

  @Override
  public String toString() {
    return response.statusCode() + " " + text();
  }
}
