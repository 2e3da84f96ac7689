package com.example.wired;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The table Dagger wired serves: its store is one, its middleware guards the writes. */
class WiredAppTest {
  @RegisterExtension
  static final KilnExtension kiln = KilnExtension.serve(() -> DaggerWiredComponent.create().router());

  @Test
  void writesNeedTheKeyAndReadsSeeThem(TestClient client) {
    assertThat(client.postJson("/api/notes", Map.of("text", "no key")).status()).isEqualTo(401);
    assertThat(client.postJson("/api/notes", Map.of("text", "wired"), "X-Api-Key", ApiKey.KEY).status())
        .isEqualTo(200);
    assertThat(client.get("/api/notes").json(Note[].class)).extracting(Note::text).containsExactly("wired");
    assertThat(client.postJson("/api/notes", Map.of("text", " "), "X-Api-Key", ApiKey.KEY).status())
        .isEqualTo(422);
  }
}
