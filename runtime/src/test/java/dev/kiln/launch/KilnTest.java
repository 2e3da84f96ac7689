package dev.kiln.launch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class KilnTest {
  /** Compiled without the processor, as an app whose build skipped it: no {@code NotesAppRoutes} beside it. */
  static final class NotesApp {}

  @Test
  void anApplicationWithoutItsGeneratedTableFailsWithTheProcessorHintBeforeConfiguring() {
    AtomicBoolean configured = new AtomicBoolean();
    assertThatThrownBy(() -> Kiln.run(NotesApp.class, new String[0], args -> {
      configured.set(true);
      return null;
    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no generated table found for NotesApp (dev.kiln.launch.KilnTest$NotesAppRoutes)")
        .hasMessageContaining("annotationProcessorPaths lists dev.kiln:kiln-processor")
        .hasMessageContaining("<proc>full</proc>")
        .hasMessageContaining("3.1");
    Assertions.assertThat(configured).isFalse();
  }
}
