package dev.kiln.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kiln.App;
import dev.kiln.JsonCodec;
import dev.kiln.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * JSON belongs to the application: java.time as ISO-8601 out of the box, a module an app adds
 * applies to the results it writes and the bodies it reads, and two apps in one JVM keep their own.
 */
class JsonCodecSocketTest {
  @Test
  void javaTimeIsIso8601OutOfTheBox() {
    try (TestServer server = TestServer.start(new ServerTestApp().router(), s -> s.accessLog(false))) {
      assertThat(server.client().get("/json/event").text()).isEqualTo(
          "{\"name\":\"launch\",\"day\":\"2026-12-03\",\"at\":\"2026-12-03T14:00:00Z\","
              + "\"price\":{\"cents\":1250,\"currency\":\"EUR\"}}");
    }
  }

  @Test
  void aModuleTheAppAddsWritesAndReadsItsTypesWhileAnotherAppKeepsTheDefaults() {
    App withMoney = App.builder().json(JsonCodec.builder().module(JsonViews.moneyModule()).build()).start();
    try (TestServer money = TestServer.start(new ServerTestApp().router(), s -> s.accessLog(false).app(withMoney));
        TestServer plain = TestServer.start(new ServerTestApp().router(), s -> s.accessLog(false))) {
      assertThat(money.client().get("/json/event").text()).endsWith("\"price\":\"12.50 EUR\"}");
      assertThat(plain.client().get("/json/event").text()).endsWith("\"price\":{\"cents\":1250,\"currency\":\"EUR\"}}");
      String body = "{\"name\":\"x\",\"day\":\"2026-12-24\",\"at\":\"2026-12-24T00:00:00Z\",\"price\":\"3.99 USD\"}";
      assertThat(money.client().send("POST", "/json/price", "application/json", body.getBytes()).text())
          .isEqualTo("399 USD on 2026-12-24");
      assertThat(plain.client().send("POST", "/json/price", "application/json", body.getBytes()).status())
          .isEqualTo(400); // a string where the defaults expect an object
    }
  }
}
