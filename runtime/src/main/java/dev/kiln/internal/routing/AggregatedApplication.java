package dev.kiln.internal.routing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the processor writes into {@value #PACKAGE} for the module's
 * {@code @Application}, so that recompiling a handler alone (as an IDE does) still regenerates the
 * application's table. Not for hand-written code.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AggregatedApplication {
  /** The package every application marker is written to. */
  String PACKAGE = "dev.kiln.aggregated.applications";

  /** Canonical name of the {@code @Application} class. */
  String value();
}
