package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A template parameter of a route in the table, with the Java type it binds to.
 *
 * @param enumConstants the constants' names when {@code type} is {@link ValueType#ENUM}
 * @param visible whether the application's package can name the type (the URL builders do)
 */
public record PathParamType(
    String name, ValueType type, TypeName typeName, List<String> enumConstants, boolean visible) {
  public PathParamType {
    enumConstants = List.copyOf(enumConstants);
  }
}
