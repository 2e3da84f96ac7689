package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/** A handler class of the table: the instance the application supplies, if it needs one. */
public record TableHandler(ClassName handler, ClassName endpoints, boolean needsInstance, TypeElement element) {}
