package dev.kiln.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** gunicorn's --bind forms, and the ones refused with a message saying how to write one. */
class BindAddressTest {
  @ParameterizedTest
  @CsvSource({"127.0.0.1:9000, 127.0.0.1, 9000", "0.0.0.0, 0.0.0.0, 8000", "'[::1]:9001', ::1, 9001", "'[::]', ::, 8000",
      "localhost:0, localhost, 0", "' 10.0.0.5:80 ', 10.0.0.5, 80"})
  void hostAndPortOrAHostAloneForTheConfiguredPort(String text, String host, int port) {
    assertThat(BindAddress.parse(text, 8000)).isEqualTo(new BindAddress(host, port));
  }

  @ParameterizedTest
  @ValueSource(strings = {":8000", "[::1", "[::1]x", "host:port", "host:70000", "a b:1", "unix:/tmp/x.sock/y", ""})
  void malformedAddressesAreRefusedSayingHowToWriteOne(String text) {
    assertThatThrownBy(() -> BindAddress.parse(text, 8000)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("(?s).*(host:port|no host|0\\.\\.65535).*");
  }

  @ParameterizedTest
  @CsvSource({"127.0.0.1, 127.0.0.1:80", "::1, '[::1]:80'"})
  void authoritiesBracketIpv6(String host, String authority) {
    assertThat(new BindAddress(host, 1).authority(80)).isEqualTo(authority);
  }
}
