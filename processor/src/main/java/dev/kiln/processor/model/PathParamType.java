package dev.kiln.processor.model;

import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A template parameter of a route in the table, with the Java type it binds to.
 *
 * @param enumConstants the constants' names when {@code type} is {@link ValueType#ENUM}
 */
public record PathParamType(String name, ValueType type, TypeName typeName, List<String> enumConstants) {
  public PathParamType {
    enumConstants = List.copyOf(enumConstants);
  }
}
