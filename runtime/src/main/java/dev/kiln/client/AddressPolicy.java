package dev.kiln.client;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Set;

/**
 * Which addresses an outbound call may reach, checked on every address a host name resolves to and
 * again on every redirect. A server that fetches URLs its users give it ({@code fetch_page}, a
 * link check, a webhook) uses {@link #publicOnly()}, so a user cannot make it call its own admin
 * port, the database or a cloud metadata service.
 *
 * <p>The JDK's client resolves the name again when it connects; both lookups go through the JVM's
 * address cache ({@code networkaddress.cache.ttl}, 30 s by default), so a name cannot be rebound
 * between the check and the connection unless that cache is turned off.
 */
@FunctionalInterface
public interface AddressPolicy {
  /** Whether a call may connect to {@code address}. */
  boolean allows(InetAddress address);

  /** Every address: for calls to URLs the application itself chose. The default. */
  static AddressPolicy any() {
    return AddressPolicies.ANY;
  }

  /**
   * Public unicast addresses only. Refused: loopback, the unspecified address, link-local (with
   * {@code 169.254.169.254}, the metadata service of most clouds), private ({@code 10/8},
   * {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}, {@code fec0::/10}), carrier-grade NAT
   * ({@code 100.64/10}), {@code 0/8}, benchmarking ({@code 198.18/15}), reserved ({@code 240/4}),
   * multicast and broadcast, and IPv6 forms that carry one of these IPv4 addresses (mapped,
   * compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}).
   */
  static AddressPolicy publicOnly() {
    return AddressPolicies.PUBLIC_ONLY;
  }

  /**
   * This policy, and also the IP addresses in {@code literals} ({@code 10.0.0.5}, {@code fd00::5}):
   * {@code publicOnly().alsoAllowing(settings.allowedAddresses())} for the few private addresses a
   * server may reach on purpose. Host names are refused, so no DNS answer can widen the list.
   *
   * @throws IllegalArgumentException for an entry that is not an IP address
   */
  default AddressPolicy alsoAllowing(Collection<String> literals) {
    Set<InetAddress> allowed = AddressPolicies.literals(literals);
    return address -> allowed.contains(address) || allows(address);
  }
}
