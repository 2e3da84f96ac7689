package dev.kiln.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.internal.text.Preferences.Preference;
import org.junit.jupiter.api.Test;

class PreferencesTest {
  @Test
  void readsTokensAndQualities() {
    assertThat(Preferences.parse("GZIP;q=0.5, deflate ;Q=0.125,br"))
        .containsExactly(new Preference("gzip", 0.5), new Preference("deflate", 0.125), new Preference("br", 1));
  }

  @Test
  void emptyElementsAreSkippedAndMalformedQualitiesAreZero() {
    assertThat(Preferences.parse(";")).isEmpty();
    assertThat(Preferences.parse(";;;,,,/q=")).containsExactly(new Preference("/q=", 1));
    assertThat(Preferences.parse("a;q=, b;q=NaN, c;q=1.5, d;q=-1, e;q=0x1p0, f;q=0.1234, g;q=1.000, h;q=0."))
        .extracting(Preference::quality).containsExactly(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0);
  }
}
