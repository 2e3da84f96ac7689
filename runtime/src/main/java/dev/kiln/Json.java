package dev.kiln;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * Kiln's shared Jackson mapper: records, {@code Optional} and {@code java.time} supported, dates as
 * ISO-8601 strings. Generated code resolves one {@link ObjectWriter} per handler return type, once.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new Jdk8Module())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
