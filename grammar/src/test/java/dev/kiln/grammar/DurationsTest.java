package dev.kiln.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void unitsAndIso8601() {
    assertThat(Durations.parse("250ms")).hasMillis(250);
    assertThat(Durations.parse("30s")).hasSeconds(30);
    assertThat(Durations.parse("5m")).hasMinutes(5);
    assertThat(Durations.parse("2h")).hasHours(2);
    assertThat(Durations.parse("1d")).hasDays(1);
    assertThat(Durations.parse(" 10s ")).hasSeconds(10);
    assertThat(Durations.parse("PT1M30S")).hasSeconds(90);
    assertThat(Durations.parse("pt2s")).isEqualTo(Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "30", "30 s", "soon", "-5s", "+5s", "5S", "1.5s", "\uFF15s", "P", "PTXS",
      "1234567890123456s"})
  void otherTextIsNone(String text) {
    assertThat(Durations.parse(text)).as(text).isNull();
  }
}
