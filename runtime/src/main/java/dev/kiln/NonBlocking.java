package dev.kiln;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a handler that returns a plain value on the event loop instead of the blocking executor.
 *
 * <p>Only for handlers that never block (no I/O, no locks, no sleeping): they save a thread hop. A
 * handler returning {@code CompletionStage} is non-blocking without this annotation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NonBlocking {}
