package dev.kiln.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AsciiSetTest {
  @Test
  void holdsExactlyItsCharactersOnBothSidesOf64() {
    AsciiSet set = AsciiSet.alphanumeric().with("-~");
    for (int c = -1; c < 300; c++) {
      boolean expected = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '~';
      assertThat(set.contains(c)).as("char %d", c).isEqualTo(expected);
    }
  }

  @Test
  void refusesNonAscii() {
    assertThatThrownBy(() -> AsciiSet.of("é")).isInstanceOf(IllegalArgumentException.class);
  }
}
