package dev.kiln.client;

import java.net.Inet4Address;
import java.net.Inet6Address;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The built-in policies; {@link #ANY} is known to the client, which then skips its own lookup. */
final class AddressPolicies {
  static final AddressPolicy ANY = address -> true;
  static final AddressPolicy PUBLIC_ONLY = AddressPolicies::isPublic;

  private AddressPolicies() {}

  /** Refuses {@code call} unless every address {@code target}'s host resolves to is one {@code policy} allows. */
  static void check(AddressPolicy policy, String call, URI target) {
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(target.getHost());
    } catch (UnknownHostException e) {
      throw new ClientException(call + ": unknown host " + target.getHost(), e);
    }
    for (InetAddress address : addresses) {
      if (!policy.allows(address)) {
        throw new ClientException(call + ": " + target.getHost() + " is " + address.getHostAddress()
            + ", which this client's address policy refuses", null);
      }
    }
  }

  /** The addresses in {@code literals}, each an IPv4 or IPv6 literal; anything else is refused. */
  static Set<InetAddress> literals(Collection<String> literals) {
    Set<InetAddress> addresses = new HashSet<>();
    for (String literal : literals) {
      byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal.strip());
      if (bytes == null) {
        throw new IllegalArgumentException(literal + " is not an IP address; list addresses such as 10.0.0.5, "
            + "not host names");
      }
      try {
        addresses.add(InetAddress.getByAddress(bytes));
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException("an address of " + bytes.length + " bytes", impossible); // 4 or 16, always
      }
    }
    return Set.copyOf(addresses);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
        || address.isSiteLocalAddress() || address.isMulticastAddress()) {
      return false;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(bytes, 0);
    }
    if (address instanceof Inet6Address) {
      int first = bytes[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7, unique local
      }
      if (startsWithZeros(bytes, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
        return isPublicV4(bytes, 12); // ::ffff:a.b.c.d, when the JDK did not already make it IPv4
      }
      if (startsWithZeros(bytes, 12)) {
        return false; // ::a.b.c.d (deprecated IPv4-compatible), :: and ::1
      }
      if (first == 0x00 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
          && startsWithZeros(bytes, 12, 4)) {
        return isPublicV4(bytes, 12); // 64:ff9b::/96, NAT64
      }
      if (first == 0x20 && (bytes[1] & 0xff) == 0x02) {
        return isPublicV4(bytes, 2); // 2002::/16, 6to4
      }
      return true;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    return !(a == 0 || a == 10 || a == 127 || a >= 224
        || (a == 100 && b >= 64 && b <= 127)
        || (a == 169 && b == 254)
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19)));
  }

  private static boolean startsWithZeros(byte[] bytes, int count) {
    return startsWithZeros(bytes, count, 0);
  }

  private static boolean startsWithZeros(byte[] bytes, int end, int from) {
    for (int i = from; i < end; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
