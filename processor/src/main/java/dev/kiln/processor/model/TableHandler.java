package dev.kiln.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * A handler class of the table: the instance the application supplies, if it needs one.
 *
 * @param visible whether the application's package can name the class (public, or the same package)
 */
public record TableHandler(
    ClassName handler, ClassName endpoints, boolean needsInstance, boolean visible, TypeElement element) {}
