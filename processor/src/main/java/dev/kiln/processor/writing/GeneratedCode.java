package dev.kiln.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.kiln.processor.KilnNames;
import dev.kiln.processor.KilnProcessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pieces every writer shares: the {@code @Generated} marker, handler links, constant names. */
public final class GeneratedCode {
  private GeneratedCode() {}

  /** {@code @Generated(value = "dev.kiln.processor.KilnProcessor", comments = "from <origin>")}. */
  static AnnotationSpec generated(String origin) {
    return AnnotationSpec.builder(KilnNames.GENERATED)
        .addMember("value", "$S", KilnProcessor.class.getName())
        .addMember("comments", "$S", "from " + origin)
        .build();
  }

  /** {@code @SuppressWarnings} for generated code a user's -Xlint -Werror build must accept. */
  static AnnotationSpec suppressWarnings() {
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", "$S", "all")
        .build();
  }

  /**
   * {@code {@link Handler#method(long, Optional)}}, importing the parameter types; plain text for a
   * handler the generated class cannot import (package-private elsewhere: an error already reported).
   */
  static CodeBlock handlerLink(ClassName handler, String method, String parameterTypes, boolean visible) {
    if (!visible) {
      return CodeBlock.of("{@code $L#$L($L)}", handler.canonicalName(), method, parameterTypes);
    }
    return handlerLink(handler, method, parameterTypes);
  }

  /** The link to {@code route}'s handler method, as plain text when the application cannot import its class. */
  static CodeBlock handlerLink(dev.kiln.processor.model.RouteTable table, dev.kiln.processor.model.TableRoute route) {
    boolean visible = table.handlers().stream()
        .filter(h -> h.handler().equals(route.handler()))
        .allMatch(dev.kiln.processor.model.TableHandler::visible);
    return handlerLink(route.handler(), route.handlerMethod(), route.parameterTypes(), visible);
  }

  /** {@code {@link Handler#method(long, Optional)}}, importing the parameter types. */
  static CodeBlock handlerLink(ClassName handler, String method, String parameterTypes) {
    CodeBlock.Builder link = CodeBlock.builder().add("{@link $T#$L(", handler, method);
    if (!parameterTypes.isEmpty()) {
      String[] types = parameterTypes.split(", ");
      for (int i = 0; i < types.length; i++) {
        link.add(i == 0 ? "" : ", ");
        String base = types[i];
        String dimensions = "";
        while (base.endsWith("[]")) {
          base = base.substring(0, base.length() - 2);
          dimensions += "[]";
        }
        if (base.contains(".")) {
          link.add("$T$L", bestGuess(base), dimensions);
        } else {
          link.add("$L$L", base, dimensions);
        }
      }
    }
    return link.add(")}").build();
  }

  private static TypeName bestGuess(String canonicalName) {
    try {
      return ClassName.bestGuess(canonicalName);
    } catch (IllegalArgumentException unusualName) {
      return ClassName.get("", canonicalName);
    }
  }

  /** Code for a Jackson {@code JavaType} of {@code type}, through {@code dev.kiln.Json}. */
  static CodeBlock javaType(TypeName type) {
    if (type instanceof WildcardTypeName wildcard) {
      return javaType(wildcard.upperBounds().isEmpty() ? ClassName.OBJECT : wildcard.upperBounds().get(0));
    }
    if (type instanceof ParameterizedTypeName parameterized) {
      CodeBlock.Builder code = CodeBlock.builder().add("$T.type($T.class", KilnNames.JSON, parameterized.rawType());
      for (TypeName argument : parameterized.typeArguments()) {
        code.add(", $L", javaType(argument));
      }
      return code.add(")").build();
    }
    if (type instanceof ArrayTypeName array && containsParameterized(array)) {
      return CodeBlock.of("$T.arrayOf($L)", KilnNames.JSON, javaType(array.componentType()));
    }
    return CodeBlock.of("$T.type($T.class)", KilnNames.JSON, type);
  }

  private static boolean containsParameterized(TypeName type) {
    if (type instanceof ArrayTypeName array) {
      return containsParameterized(array.componentType());
    }
    return type instanceof ParameterizedTypeName;
  }

  /** {@code List<Project>} → {@code LIST_PROJECT}: a readable constant name for a type. */
  static String constantName(TypeName type) {
    List<String> words = new ArrayList<>();
    collectWords(type, words);
    return String.join("_", words).toUpperCase(Locale.ROOT);
  }

  private static void collectWords(TypeName type, List<String> words) {
    if (type instanceof ParameterizedTypeName parameterized) {
      collectWords(parameterized.rawType(), words);
      parameterized.typeArguments().forEach(argument -> collectWords(argument, words));
    } else if (type instanceof ArrayTypeName array) {
      collectWords(array.componentType(), words);
      words.add("ARRAY");
    } else if (type instanceof WildcardTypeName wildcard) {
      collectWords(wildcard.upperBounds().isEmpty() ? ClassName.OBJECT : wildcard.upperBounds().get(0), words);
    } else if (type instanceof ClassName className) {
      words.add(upperSnake(className.simpleName()));
    } else {
      words.add(type.toString());
    }
  }

  /** {@code projectId} → {@code PROJECT_ID}; {@code api.project} → {@code API_PROJECT}. */
  public static String upperSnake(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        continue;
      }
      if (Character.isUpperCase(c) && i > 0 && (Character.isLowerCase(name.charAt(i - 1))
          || Character.isDigit(name.charAt(i - 1))
          || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1)) && Character.isUpperCase(name.charAt(i - 1))))) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
      }
      out.append(Character.toUpperCase(c));
    }
    String result = out.toString().replaceAll("_+$", "");
    return result.isEmpty() || Character.isDigit(result.charAt(0)) ? "_" + result : result;
  }

  /** {@code projects_{id}.json} → {@code projectsIdJson}: a readable lowerCamel name from any text. */
  static String lowerCamel(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) && c < 0x80) {
        out.append(out.length() == 0 ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, '_');
    }
    return out.toString();
  }

  /** Text safe inside a Javadoc comment: no comment end, no Unicode escape. */
  static String javadocText(String text) {
    return text.replace("*/", "*&#47;").replace("\\u", "&#92;u");
  }

  /** {@code api} → {@code Api}. */
  static String upperCamel(String name) {
    String camel = lowerCamel(name);
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }
}
