package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentLengthsTest {
  @Test
  void formatsEveryLengthOnBothSidesOfTheTable() {
    for (int length : new int[] {0, 1, 13, 999, 2047, 2048, 2049, 65_536, Integer.MAX_VALUE}) {
      assertThat(ContentLengths.of(length).toString()).isEqualTo(Integer.toString(length));
    }
  }
}
