package dev.kiln.processor.model;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A type, generics included, as a marker string and back. A class is written {@code
 * package/Outer.Inner}, so reading it never guesses where the package ends (which {@link
 * ClassName#bestGuess} does by case); then {@code <A,B>}, {@code []}, and {@code ?}, {@code ?+T}
 * and {@code ?-T} for wildcards. Primitives are their keywords.
 */
public final class TypeNotation {
  private final String text;
  private int at;

  private TypeNotation(String text) {
    this.text = text;
  }

  public static String write(TypeName type) {
    StringBuilder out = new StringBuilder();
    write(type.withoutAnnotations(), out);
    return out.toString();
  }

  private static void write(TypeName type, StringBuilder out) {
    if (type instanceof ClassName name) {
      out.append(name.packageName()).append('/').append(String.join(".", name.simpleNames()));
    } else if (type instanceof ParameterizedTypeName parameterized) {
      write(parameterized.rawType(), out);
      out.append('<');
      for (int i = 0; i < parameterized.typeArguments().size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(parameterized.typeArguments().get(i).withoutAnnotations(), out);
      }
      out.append('>');
    } else if (type instanceof ArrayTypeName array) {
      write(array.componentType().withoutAnnotations(), out);
      out.append("[]");
    } else if (type instanceof WildcardTypeName wildcard) {
      if (!wildcard.lowerBounds().isEmpty()) {
        out.append("?-");
        write(wildcard.lowerBounds().get(0).withoutAnnotations(), out);
      } else if (!wildcard.upperBounds().get(0).equals(ClassName.OBJECT)) {
        out.append("?+");
        write(wildcard.upperBounds().get(0).withoutAnnotations(), out);
      } else {
        out.append('?');
      }
    } else if (type.isPrimitive()) {
      out.append(type);
    } else {
      throw new IllegalArgumentException("no marker notation for " + type);
    }
  }

  /** The type {@link #write} wrote; a malformed string is a bug in a marker, not a user error. */
  public static TypeName read(String text) {
    TypeNotation reader = new TypeNotation(text);
    TypeName type = reader.type();
    if (reader.at != text.length()) {
      throw reader.malformed();
    }
    return type;
  }

  private TypeName type() {
    TypeName type;
    if (peek('?')) {
      at++;
      if (peek('+')) {
        at++;
        type = WildcardTypeName.subtypeOf(type());
      } else if (peek('-')) {
        at++;
        type = WildcardTypeName.supertypeOf(type());
      } else {
        type = WildcardTypeName.subtypeOf(Object.class);
      }
      return type;
    }
    String name = name();
    int slash = name.indexOf('/');
    if (slash < 0) {
      type = primitive(name);
    } else {
      String[] simpleNames = name.substring(slash + 1).split("\\.");
      ClassName raw = ClassName.get(name.substring(0, slash), simpleNames[0],
          java.util.Arrays.copyOfRange(simpleNames, 1, simpleNames.length));
      type = raw;
      if (peek('<')) {
        at++;
        List<TypeName> arguments = new ArrayList<>();
        do {
          arguments.add(type());
        } while (take(','));
        expect('>');
        type = ParameterizedTypeName.get(raw, arguments.toArray(TypeName[]::new));
      }
    }
    while (text.startsWith("[]", at)) {
      at += 2;
      type = ArrayTypeName.of(type);
    }
    return type;
  }

  private String name() {
    int start = at;
    while (at < text.length() && "<>,[]?".indexOf(text.charAt(at)) < 0) {
      at++;
    }
    if (at == start) {
      throw malformed();
    }
    return text.substring(start, at);
  }

  private TypeName primitive(String name) {
    return switch (name) {
      case "boolean" -> TypeName.BOOLEAN;
      case "byte" -> TypeName.BYTE;
      case "short" -> TypeName.SHORT;
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "char" -> TypeName.CHAR;
      case "float" -> TypeName.FLOAT;
      case "double" -> TypeName.DOUBLE;
      default -> throw malformed();
    };
  }

  private boolean peek(char c) {
    return at < text.length() && text.charAt(at) == c;
  }

  private boolean take(char c) {
    if (peek(c)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!take(c)) {
      throw malformed();
    }
  }

  private IllegalStateException malformed() {
    return new IllegalStateException("a route marker holds a malformed type at " + at + ": " + text);
  }
}
