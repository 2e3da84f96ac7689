package dev.kiln.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link AddressPolicy#publicOnly()} on literal addresses, each range at and just past its edges. */
class AddressPoliciesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255",
      "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255",
      "192.0.0.8", "198.18.0.1", "198.19.255.255", "224.0.0.1", "239.255.255.250", "240.0.0.1",
      "255.255.255.255",
      "::", "::1", "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1",
      "::ffff:127.0.0.1", "::ffff:10.1.2.3", "::7f00:1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::"})
  void refusesWhatIsNotPublic(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.publicOnly().allows(InetAddress.getByName(literal))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.1", "172.15.255.255", "172.32.0.1", "192.167.255.255",
      "192.169.0.1", "169.253.255.255", "100.63.255.255", "100.128.0.1", "198.17.255.255", "198.20.0.1",
      "223.255.255.255",
      "2606:4700:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
  void allowsPublicUnicast(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.publicOnly().allows(InetAddress.getByName(literal))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "::1", "8.8.8.8"})
  void anyAllowsEverything(String literal) throws UnknownHostException {
    assertThat(AddressPolicy.any().allows(InetAddress.getByName(literal))).isTrue();
  }

  @org.junit.jupiter.api.Test
  void alsoAllowingAddsOnlyTheListedAddresses() throws UnknownHostException {
    AddressPolicy policy = AddressPolicy.publicOnly().alsoAllowing(java.util.List.of("10.0.0.5", " fd00::5 "));

    assertThat(policy.allows(InetAddress.getByName("10.0.0.5"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("fd00::5"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("10.0.0.6"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("8.8.8.8"))).isTrue();
  }

  @org.junit.jupiter.api.Test
  void alsoAllowingRefusesHostNames() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> AddressPolicy.publicOnly().alsoAllowing(java.util.List.of("intranet.example")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("intranet.example is not an IP address; list addresses such as 10.0.0.5, not host names");
  }
}
