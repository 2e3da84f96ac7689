package dev.kiln.aggregated.middlewares;

import dev.kiln.internal.routing.AggregatedMiddleware;
import javax.annotation.processing.Generated;

/**
 * Tells the application's generated route table about {@code hello.Versioned}.
 */
@AggregatedMiddleware(
    type = "hello.Versioned",
    interceptor = false,
    order = 10,
    paths = {"/v1"},
    groups = {},
    optIn = false
)
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.Versioned"
)
public final class hello_Versioned {
  private hello_Versioned() {
  }
}
