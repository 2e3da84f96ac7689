package dev.kiln;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An application's JSON: a Jackson mapper with records, {@code Optional} and {@code java.time}
 * supported (dates as ISO-8601 strings), plus the modules the app adds, and the readers and
 * writers resolved from it, once per type. It lives in the {@link App} ({@link App#json()}), so two
 * apps in one JVM, or two generations of a reloaded one, never share a cache.
 *
 * <pre>{@code
 * App app = App.builder()
 *     .json(JsonCodec.builder().module(new MoneyModule()).build())
 *     .start();
 * }</pre>
 *
 * <p>It reads strictly, because what it reads is a client's: text after the value, a repeated key,
 * and a value of another JSON type than the field's ({@code 123} or {@code true} for a string,
 * {@code "5"} for a number) are errors (a 400 naming the place) instead of being guessed at.
 */
public final class JsonCodec {
  private final ObjectMapper mapper;
  private final ConcurrentHashMap<JavaType, ObjectWriter> writers = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

  private JsonCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** Kiln's defaults and nothing more. */
  public static JsonCodec standard() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The mapper, for what readers and writers do not cover (trees, conversions); configure it through the builder. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /** The writer for values of {@code type}, resolved on first use and kept. */
  public ObjectWriter writer(JavaType type) {
    ObjectWriter writer = writers.get(type);
    return writer != null ? writer : writers.computeIfAbsent(type, mapper::writerFor);
  }

  /** The reader for values of {@code type}, resolved on first use and kept. */
  public ObjectReader reader(JavaType type) {
    ObjectReader reader = readers.get(type);
    return reader != null ? reader : readers.computeIfAbsent(type, mapper::readerFor);
  }

  /** {@code value} as JSON, by its runtime class. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write " + value.getClass().getName() + " as JSON", e);
    }
  }

  /** {@code value} as JSON, as a {@code type}: what generated code writes a handler's result with. */
  public byte[] write(JavaType type, Object value) {
    try {
      return writer(type).writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write a " + type + " as JSON", e);
    }
  }

  /** What a codec is made of: Kiln's defaults, then the app's modules and settings, in order. */
  public static final class Builder {
    private final List<Consumer<ObjectMapper>> steps = new ArrayList<>();

    private Builder() {}

    /** Registers a Jackson module (types of a library, say). */
    public Builder module(Module module) {
      Objects.requireNonNull(module, "module");
      steps.add(mapper -> mapper.registerModule(module));
      return this;
    }

    /** Changes the mapper in any other way, after Kiln's defaults. */
    public Builder configure(Consumer<ObjectMapper> change) {
      steps.add(Objects.requireNonNull(change, "change"));
      return this;
    }

    public JsonCodec build() {
      ObjectMapper mapper = strict(new ObjectMapper()
          .registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
      steps.forEach(step -> step.accept(mapper));
      return new JsonCodec(mapper);
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
      mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      mapper.coercionConfigFor(LogicalType.Textual)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
      for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
        mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      }
      return mapper;
    }
  }
}
