package dev.kiln.aggregated.applications;

import dev.kiln.internal.routing.AggregatedApplication;
import javax.annotation.processing.Generated;

/**
 * Tells the application's generated route table about {@code hello.HelloApp}.
 */
@AggregatedApplication("hello.HelloApp")
@Generated(
    value = "dev.kiln.processor.KilnProcessor",
    comments = "from hello.HelloApp"
)
public final class hello_HelloApp {
  private hello_HelloApp() {
  }
}
