package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A handler parameter whose value a {@code @Provides} middleware of the route's chain hands on.
 *
 * @param parameter the parameter's name, to point diagnostics at it
 * @param type the provided class
 */
public record Provision(String parameter, ClassName type) {}
