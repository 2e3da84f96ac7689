package dev.kiln.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who sent a request, through trusted proxies only: the header forms, the hop walk, and what is not believed. */
class ForwardingTest {
  private static final TrustedProxies PROXIES = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.1", "fd00::/8"));
  private static final InetSocketAddress PROXY = new InetSocketAddress("10.0.0.2", 40000);
  private static final InetSocketAddress STRANGER = new InetSocketAddress("203.0.113.9", 40000);

  private static HttpHeaders headers(String... namesAndValues) {
    HttpHeaders headers = new DefaultHttpHeaders().set("Host", "backend:8000");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void fromAnUntrustedPeerEveryForwardingHeaderIsIgnored() {
    Forwarding forwarding = Forwarding.of(STRANGER, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "bank.example", "Forwarded", "for=5.6.7.8;proto=https;host=bank.example"), PROXIES);
    assertThat(forwarding).isEqualTo(new Forwarding("203.0.113.9", "http", "backend:8000"));
  }

  @Test
  void withNoTrustedProxiesEvenLoopbackIsNotBelieved() {
    Forwarding forwarding = Forwarding.of(new InetSocketAddress("127.0.0.1", 1),
        headers("X-Forwarded-For", "1.2.3.4"), TrustedProxies.NONE);
    assertThat(forwarding.clientAddress()).isEqualTo("127.0.0.1");
  }

  @Test
  void xForwardedForIsWalkedRightToLeftPastTrustedProxiesOnly() {
    // The client may write anything left of what the first proxy appended: it is not believed.
    Forwarding forwarding = Forwarding.of(PROXY, headers("X-Forwarded-For", "6.6.6.6, 198.51.100.7, 10.1.1.1",
        "X-Forwarded-Proto", "https", "X-Forwarded-Host", "shop.example"), PROXIES);
    assertThat(forwarding).isEqualTo(new Forwarding("198.51.100.7", "https", "shop.example"));
  }

  @Test
  void perHopProtoAndHostListsAreReadAtTheClientsHop() {
    Forwarding forwarding = Forwarding.of(PROXY, headers("X-Forwarded-For", "198.51.100.7, 10.1.1.1",
        "X-Forwarded-Proto", "https, http", "X-Forwarded-Host", "shop.example, inner"), PROXIES);
    assertThat(forwarding).isEqualTo(new Forwarding("198.51.100.7", "https", "shop.example"));
  }

  @Test
  void separateHeaderLinesAreOneList() {
    Forwarding forwarding = Forwarding.of(PROXY, headers("X-Forwarded-For", "198.51.100.7", "X-Forwarded-For",
        "10.1.1.1"), PROXIES);
    assertThat(forwarding.clientAddress()).isEqualTo("198.51.100.7");
  }

  @Test
  void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
    Forwarding forwarding = Forwarding.of(PROXY, headers("X-Forwarded-For", "10.9.9.9, 10.1.1.1"), PROXIES);
    assertThat(forwarding.clientAddress()).isEqualTo("10.9.9.9");
  }

  @Test
  void xForwardedPortNamesThePortTheForwardedHostLacks() {
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Host", "shop.example",
        "X-Forwarded-Port", "8443", "X-Forwarded-Proto", "https"), PROXIES).host()).isEqualTo("shop.example:8443");
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Host", "shop.example",
        "X-Forwarded-Port", "443", "X-Forwarded-Proto", "https"), PROXIES).host()).isEqualTo("shop.example");
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Host", "shop.example:1",
        "X-Forwarded-Port", "2"), PROXIES).host()).isEqualTo("shop.example:1");
  }

  @Test
  void forwardedElementsCarryTheirOwnProtoAndHostWithQuotedIpv6AndPorts() {
    Forwarding forwarding = Forwarding.of(PROXY, headers("Forwarded",
        "for=\"[2001:db8:cafe::17]:4711\";proto=https;host=\"shop.example\", for=10.1.1.1;proto=http;by=10.0.0.2"),
        PROXIES);
    assertThat(forwarding).isEqualTo(new Forwarding("2001:db8:cafe:0:0:0:0:17", "https", "shop.example"));
  }

  @Test
  void forwardedWinsOverXForwarded() {
    Forwarding forwarding = Forwarding.of(PROXY, headers("Forwarded", "for=198.51.100.7;proto=https",
        "X-Forwarded-For", "1.2.3.4"), PROXIES);
    assertThat(forwarding.clientAddress()).isEqualTo("198.51.100.7");
    assertThat(forwarding.scheme()).isEqualTo("https");
    assertThat(forwarding.host()).isEqualTo("backend:8000");
  }

  @Test
  void obfuscatedAndUnknownNodesAreClientsAsGiven() {
    assertThat(Forwarding.of(PROXY, headers("Forwarded", "for=_hidden, for=10.1.1.1"), PROXIES).clientAddress())
        .isEqualTo("_hidden");
    assertThat(Forwarding.of(PROXY, headers("Forwarded", "for=unknown"), PROXIES).clientAddress()).isEqualTo("unknown");
  }

  @Test
  void anIpv4NodeWithAPortLosesThePort() {
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "198.51.100.7:5555"), PROXIES).clientAddress())
        .isEqualTo("198.51.100.7");
  }

  @ParameterizedTest
  @ValueSource(strings = {"evil.example/path", "user@evil.example", "evil example", "a:b:c", "[zz]:1", "x:99999", ":80",
      "evil.example\\r\\n"})
  void aForwardedHostThatIsNotAHostIsIgnored(String host) {
    Forwarding forwarding = Forwarding.of(PROXY, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Host", host),
        PROXIES);
    assertThat(forwarding.host()).isEqualTo("backend:8000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript", "ftp", "https://x", ""})
  void aForwardedSchemeOtherThanHttpOrHttpsIsIgnored(String scheme) {
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "1.2.3.4", "X-Forwarded-Proto", scheme), PROXIES)
        .scheme()).isEqualTo("http");
  }

  @Test
  void aGarbageNodeFallsBackToTheProxyRatherThanBelievingIt() {
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", "not an address"), PROXIES).clientAddress())
        .isEqualTo("10.0.0.2");
  }

  @Test
  void moreHopsThanAnyRealChainAreNotBelieved() {
    String many = String.join(",", java.util.Collections.nCopies(40, "10.1.1.1"));
    assertThat(Forwarding.of(PROXY, headers("X-Forwarded-For", many), PROXIES).clientAddress()).isEqualTo("10.0.0.2");
  }

  @Test
  void aMissingOrInvalidHostHeaderIsNoHost() {
    assertThat(Forwarding.of(STRANGER, new DefaultHttpHeaders(), PROXIES).host()).isNull();
    assertThat(Forwarding.of(STRANGER, new DefaultHttpHeaders().set("Host", "a/b"), PROXIES).host()).isNull();
    assertThat(Forwarding.of(STRANGER, new DefaultHttpHeaders().set("Host", "[::1]:8000"), PROXIES).host())
        .isEqualTo("[::1]:8000");
  }

  @ParameterizedTest
  @CsvSource({"10.255.0.1, true", "11.0.0.1, false", "192.168.1.1, true", "192.168.1.2, false", "fd12::1, true",
      "fe80::1, false", "::ffff:10.0.0.1, true"})
  void rangesMatchByPrefix(String address, boolean trusted) {
    assertThat(PROXIES.trusts(TrustedProxies.literal(address))).isEqualTo(trusted);
  }

  @Test
  void oddPrefixLengthsMaskTheirLastByte() {
    TrustedProxies proxies = TrustedProxies.of(List.of("172.16.0.0/12"));
    assertThat(proxies.trusts(TrustedProxies.literal("172.31.255.255"))).isTrue();
    assertThat(proxies.trusts(TrustedProxies.literal("172.32.0.0"))).isFalse();
    assertThat(TrustedProxies.of(List.of("0.0.0.0/0")).trusts(TrustedProxies.literal("8.8.8.8"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8x", "::1/129", "1.2.3"})
  void anEntryThatIsNotAnAddressOrRangeIsRefusedByName(String entry) {
    assertThatThrownBy(() -> TrustedProxies.of(List.of(entry))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }
}
