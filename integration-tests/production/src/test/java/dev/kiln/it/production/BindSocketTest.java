package dev.kiln.it.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kiln.middleware.HealthChecks;
import dev.kiln.server.Server;
import dev.kiln.settings.SettingsSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** gunicorn's flags as settings: several --bind addresses, keep-alive, the drain delay and trusted proxies. */
class BindSocketTest {
  private static String get(InetSocketAddress address) throws IOException {
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void everyBindAddressIsListenedOnAndServes() throws IOException {
    try (Server server = Server.builder(new ProductionApp().router(HealthChecks.builder().build()))
        .bind(List.of("127.0.0.1:0", "127.0.0.2")).port(0).accessLog(false).start()) {
      List<InetSocketAddress> addresses = server.addresses();
      assertThat(addresses).hasSize(2);
      assertThat(addresses.get(1).getAddress().getHostAddress()).isEqualTo("127.0.0.2");
      for (InetSocketAddress address : addresses) {
        assertThat(get(address)).startsWith("HTTP/1.1 200").endsWith("hello");
      }
      assertThat(server.port()).isEqualTo(addresses.get(0).getPort());
    }
  }

  @Test
  void theSettingsCarryBindKeepAliveDrainAndProxiesToTheServer() throws IOException {
    ProductionSettingsValues settings = ProductionSettingsValues.load(SettingsSource.of(Map.of(
        "bind", "127.0.0.1:0,127.0.0.3:0", "keepAlive", "5s", "drainDelay", "1s", "trustedProxies", "10.0.0.0/8"),
        Map.of()));
    assertThat(settings.keepAlive()).isEqualTo(Duration.ofSeconds(5));
    try (Server server = Server.builder(new ProductionApp().router(HealthChecks.builder().build()))
        .settings(settings).accessLog(false).start()) {
      assertThat(server.addresses()).extracting(a -> a.getAddress().getHostAddress())
          .containsExactly("127.0.0.1", "127.0.0.3");
      assertThat(get(server.addresses().get(1))).endsWith("hello");
    }
  }

  @Test
  void aMalformedSettingIsRefusedNamingIt() {
    ProductionSettingsValues badBind = ProductionSettingsValues.load(SettingsSource.of(Map.of("bind", "host:port"),
        Map.of()));
    assertThatThrownBy(() -> Server.builder(new ProductionApp().router(HealthChecks.builder().build())).settings(badBind))
        .hasMessageStartingWith("bind: not a bind address: 'host:port'");
    ProductionSettingsValues badProxy = ProductionSettingsValues.load(SettingsSource.of(
        Map.of("trustedProxies", "10.0.0.0/40"), Map.of()));
    assertThatThrownBy(() -> Server.builder(new ProductionApp().router(HealthChecks.builder().build())).settings(badProxy))
        .hasMessageStartingWith("trustedProxies: not a CIDR range: '10.0.0.0/40'");
  }
}
