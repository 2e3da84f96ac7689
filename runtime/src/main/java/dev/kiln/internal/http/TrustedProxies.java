package dev.kiln.internal.http;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The proxies whose {@code Forwarded} and {@code X-Forwarded-*} headers are believed: addresses
 * ({@code 10.0.0.5}, {@code ::1}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). Only IP
 * literals: a host name here would make every request wait on DNS.
 */
public final class TrustedProxies {
  /** Trusts no one: every request's client is its socket's peer. */
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

  private final List<Range> ranges;
  private final List<String> written;

  private TrustedProxies(List<Range> ranges, List<String> written) {
    this.ranges = ranges;
    this.written = written;
  }

  /**
   * Parses each entry; blank entries are skipped.
   *
   * @throws IllegalArgumentException naming the first entry that is neither an IP address nor a CIDR range
   */
  public static TrustedProxies of(Collection<String> entries) {
    List<Range> ranges = new ArrayList<>();
    List<String> written = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        ranges.add(Range.parse(trimmed));
        written.add(trimmed);
      }
    }
    return ranges.isEmpty() ? NONE : new TrustedProxies(List.copyOf(ranges), List.copyOf(written));
  }

  /** Whether no proxy is trusted: forwarding headers are never read. */
  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  public boolean trusts(InetAddress address) {
    if (address == null) {
      return false;
    }
    byte[] bytes = address.getAddress();
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  /** An IP literal as an address, without DNS; {@code null} when {@code text} is not one. */
  static InetAddress literal(String text) {
    return NetUtil.createInetAddressFromIpAddressString(text);
  }

  @Override
  public String toString() {
    return written.isEmpty() ? "(none)" : String.join(", ", written);
  }

  private record Range(byte[] network, int prefix) {
    static Range parse(String entry) {
      int slash = entry.indexOf('/');
      String address = slash < 0 ? entry : entry.substring(0, slash);
      InetAddress parsed = literal(address.startsWith("[") && address.endsWith("]")
          ? address.substring(1, address.length() - 1) : address);
      if (parsed == null) {
        throw new IllegalArgumentException("not an IP address or CIDR range: '" + entry
            + "' (write 10.0.0.5, 10.0.0.0/8 or fd00::/8; host names are not looked up)");
      }
      byte[] network = parsed.getAddress();
      int bits = network.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = entry.substring(slash + 1);
        try {
          prefix = Integer.parseInt(length);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits || !length.chars().allMatch(Character::isDigit)) {
          throw new IllegalArgumentException("not a CIDR range: '" + entry + "' (the prefix length must be 0.."
              + bits + ")");
        }
      }
      return new Range(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
      return NetUtil.bytesToIpAddress(network).toLowerCase(Locale.ROOT) + "/" + prefix;
    }
  }
}
