package dev.kiln;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
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

/**
 * Kiln's shared Jackson mapper: records, {@code Optional} and {@code java.time} supported, dates as
 * ISO-8601 strings. Generated code resolves one {@link ObjectWriter} per handler return type, once.
 *
 * <p>It reads strictly, because what it reads is a client's: text after the value, a repeated key,
 * and a value of another JSON type than the field's ({@code 123} or {@code true} for a string,
 * {@code "5"} for a number) are errors (a 400 naming the place) instead of being guessed at.
 */
public final class Json {
  private static final ObjectMapper MAPPER = strict(new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

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

  private Json() {}

  /** The shared mapper; configure it before the first request, never during. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A type for {@code raw<arguments...>}, e.g. {@code type(List.class, type(Project.class))}. */
  public static JavaType type(Class<?> raw, JavaType... arguments) {
    return arguments.length == 0
        ? MAPPER.getTypeFactory().constructType(raw)
        : MAPPER.getTypeFactory().constructParametricType(raw, arguments);
  }

  /** An array type of {@code component}, for arrays of generic types. */
  public static JavaType arrayOf(JavaType component) {
    return MAPPER.getTypeFactory().constructArrayType(component);
  }

  /** A writer for values of the given type, resolved once and reused. */
  public static ObjectWriter writer(JavaType type) {
    return MAPPER.writerFor(type);
  }

  /** A reader for values of the given type, resolved once and reused. */
  public static ObjectReader reader(JavaType type) {
    return MAPPER.readerFor(type);
  }

  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write " + value.getClass().getName() + " as JSON", e);
    }
  }

  public static byte[] write(ObjectWriter writer, Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("could not write a value as JSON", e);
    }
  }
}
