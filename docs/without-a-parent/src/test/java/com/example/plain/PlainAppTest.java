package com.example.plain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.testing.KilnExtension;
import dev.kiln.testing.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlainAppTest {
  @RegisterExtension
  static final KilnExtension kiln = KilnExtension.serve(PlainApp::router);

  @Test
  void serves(TestClient client) {
    assertThat(client.get("/").text()).isEqualTo("Hello without a parent");
  }
}
