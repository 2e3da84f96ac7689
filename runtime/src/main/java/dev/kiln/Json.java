package dev.kiln;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8TypeModifier;

/**
 * JSON types, for the generic ones a {@link Class} cannot say ({@code List<Project>}): what
 * generated code keeps in constants, and what {@link Request#json(JavaType)} and {@link
 * Response#json(JavaType, Object)} take. The reading and writing itself is the app's {@link
 * JsonCodec}.
 *
 * <pre>{@code
 * List<Project> projects = request.json(Json.type(List.class, Json.type(Project.class)));
 * }</pre>
 */
public final class Json {
  /** Jackson's shared factory, seeing {@code Optional} as the reference type the codec's module makes of it. */
  private static final TypeFactory TYPES = TypeFactory.defaultInstance().withModifier(new Jdk8TypeModifier());

  private Json() {}

  /** A type for {@code raw<arguments...>}, e.g. {@code type(List.class, type(Project.class))}. */
  public static JavaType type(Class<?> raw, JavaType... arguments) {
    return arguments.length == 0 ? TYPES.constructType(raw) : TYPES.constructParametricType(raw, arguments);
  }

  /** An array type of {@code component}, for arrays of generic types. */
  public static JavaType arrayOf(JavaType component) {
    return TYPES.constructArrayType(component);
  }

  /**
   * Forgets the classes types were made of: what development reload calls, so the classes of the
   * generation it replaces can be collected.
   */
  public static void forgetTypes() {
    TYPES.clearCache();
    TypeFactory.defaultInstance().clearCache();
  }
}
