package dev.kiln.internal.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who sent a request and how they addressed it, after the trusted proxies in front of the server:
 * the client's address, the scheme and the host.
 *
 * <p>Forwarding headers are read only when the socket's peer is a trusted proxy, and then hop by hop
 * from the nearest: the client is the first address, right to left, that is not a trusted proxy
 * (Tomcat's {@code RemoteIpValve} and aiohttp-remotes' {@code XForwardedStrict} read it so), and
 * its scheme and host are what the proxy that met it recorded. {@code Forwarded} (RFC 7239) wins over
 * {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} when both are present. A
 * value that is not a scheme, a host or an address is ignored rather than believed.
 *
 * @param clientAddress the client's IP address, an RFC 7239 obfuscated identifier ({@code _hidden},
 *     {@code unknown}) as given, or {@code null} for a request with no socket
 * @param scheme {@code http} or {@code https}
 * @param host the host and port the client asked for, or {@code null} when the request named none
 */
public record Forwarding(String clientAddress, String scheme, String host) {
  private static final int MAX_HOPS = 32;
  private static final String FORWARDED = "Forwarded";

  /** How a request from {@code peer} with {@code headers} was sent, believing only {@code proxies}. */
  public static Forwarding of(InetSocketAddress peer, HttpHeaders headers, TrustedProxies proxies) {
    String socketClient = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
    String hostHeader = validHost(headers.get(HttpHeaderNames.HOST));
    if (peer == null || !proxies.trusts(peer.getAddress())) {
      return new Forwarding(socketClient, "http", hostHeader);
    }
    List<Hop> hops = headers.contains(FORWARDED) ? forwarded(headers) : xForwarded(headers);
    if (hops.isEmpty()) {
      return new Forwarding(socketClient, "http", hostHeader);
    }
    int client = 0;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress address = hops.get(i).address();
      if (address == null || !proxies.trusts(address)) {
        client = i;
        break;
      }
    }
    Hop hop = hops.get(client);
    String address = hop.node() == null ? socketClient : hop.node();
    return new Forwarding(address, hop.scheme() != null ? hop.scheme() : "http",
        hop.host() != null ? hop.host() : hostHeader);
  }

  /** One proxy's record: the node it was reached from, and the scheme and host it was asked for. */
  private record Hop(String node, InetAddress address, String scheme, String host) {
    static Hop of(String forValue, String scheme, String host) {
      String node = Forwarding.node(forValue);
      InetAddress address = node == null ? null : TrustedProxies.literal(node);
      return new Hop(node, address, validScheme(scheme), validHost(host));
    }
  }

  /** {@code Forwarded: for=192.0.2.60;proto=https;host=example.com, for="[2001:db8::1]:4711"}, every field line in order. */
  private static List<Hop> forwarded(HttpHeaders headers) {
    List<Hop> hops = new ArrayList<>();
    for (String line : headers.getAll(FORWARDED)) {
      for (String element : splitOutsideQuotes(line, ',')) {
        String forValue = null;
        String proto = null;
        String host = null;
        for (String pair : splitOutsideQuotes(element, ';')) {
          int equals = pair.indexOf('=');
          if (equals <= 0) {
            continue;
          }
          String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
          String value = unquote(pair.substring(equals + 1).trim());
          switch (name) {
            case "for" -> forValue = value;
            case "proto" -> proto = value;
            case "host" -> host = value;
            default -> { } // by=, and extensions: nothing Kiln reads
          }
        }
        if (hops.size() == MAX_HOPS) {
          return List.of(); // a header no real chain of proxies makes: believe none of it
        }
        hops.add(Hop.of(forValue, proto, host));
      }
    }
    return hops;
  }

  /**
   * {@code X-Forwarded-For: client, proxy1} with {@code X-Forwarded-Proto} and {@code -Host}: one
   * value each when the nearest proxy sets them (nginx's usual {@code $scheme}), or one per hop
   * when every proxy appends; a count that matches neither gives the nearest proxy's value.
   */
  private static List<Hop> xForwarded(HttpHeaders headers) {
    List<String> nodes = values(headers, "X-Forwarded-For");
    if (nodes.isEmpty() || nodes.size() > MAX_HOPS) {
      return List.of();
    }
    List<String> protos = values(headers, "X-Forwarded-Proto");
    List<String> hosts = values(headers, "X-Forwarded-Host");
    List<String> ports = values(headers, "X-Forwarded-Port");
    List<Hop> hops = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      String scheme = validScheme(hopValue(protos, i, nodes.size()));
      String host = withPort(validHost(hopValue(hosts, i, nodes.size())), hopValue(ports, i, nodes.size()), scheme);
      hops.add(Hop.of(nodes.get(i), scheme, host));
    }
    return hops;
  }

  private static String hopValue(List<String> values, int hop, int hops) {
    if (values.isEmpty()) {
      return null;
    }
    return values.size() == hops ? values.get(hop) : values.get(values.size() - 1);
  }

  /** Spring's {@code X-Forwarded-Port} rule: it names the port when the forwarded host does not. */
  private static String withPort(String host, String port, String scheme) {
    if (host == null || port == null) {
      return host;
    }
    boolean named = host.startsWith("[") ? host.contains("]:") : host.indexOf(':') >= 0;
    if (named || !isPort(port)) {
      return host;
    }
    return port.equals("https".equals(scheme) ? "443" : "80") ? host : host + ":" + port;
  }

  private static boolean isPort(String port) {
    return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(c -> c >= '0' && c <= '9')
        && Integer.parseInt(port) <= 65535;
  }

  private static List<String> values(HttpHeaders headers, String name) {
    List<String> values = new ArrayList<>();
    for (String line : headers.getAll(name)) {
      for (String value : line.split(",", -1)) {
        values.add(value.trim());
      }
    }
    return values;
  }

  /** The node of a {@code for=} value: an address without its port and brackets, or an obfuscated identifier. */
  private static String node(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      if (close < 0) {
        return null;
      }
      InetAddress address = TrustedProxies.literal(value.substring(1, close));
      return address == null ? null : address.getHostAddress();
    }
    InetAddress whole = TrustedProxies.literal(value);
    if (whole != null) {
      return whole.getHostAddress(); // IPv4, or an IPv6 address X-Forwarded-For wrote without brackets
    }
    int colon = value.indexOf(':');
    if (colon > 0 && value.indexOf(':', colon + 1) < 0) {
      InetAddress address = TrustedProxies.literal(value.substring(0, colon));
      if (address != null) {
        return address.getHostAddress();
      }
    }
    boolean obfuscated = value.equalsIgnoreCase("unknown")
        || (value.startsWith("_") && value.length() <= 64 && value.chars().allMatch(Forwarding::isObfuscatedChar));
    return obfuscated ? value : null;
  }

  private static boolean isObfuscatedChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  }

  private static String validScheme(String scheme) {
    if (scheme == null) {
      return null;
    }
    String lower = scheme.toLowerCase(Locale.ROOT);
    return lower.equals("http") || lower.equals("https") ? lower : null;
  }

  /**
   * {@code host} if it is a host with an optional port as {@code Host} carries one (a name, an IPv4
   * address or a bracketed IPv6 one): never a path, user info or whitespace that would turn an
   * absolute URL built from it into another.
   */
  static String validHost(String host) {
    if (host == null || host.isEmpty() || host.length() > 255) {
      return null;
    }
    int portAt;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0 || TrustedProxies.literal(host.substring(1, close)) == null) {
        return null;
      }
      portAt = close + 1;
      if (portAt < host.length() && host.charAt(portAt) != ':') {
        return null;
      }
    } else {
      int colon = host.indexOf(':');
      portAt = colon < 0 ? host.length() : colon;
      for (int i = 0; i < portAt; i++) {
        char c = host.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
          return null;
        }
      }
      if (portAt == 0) {
        return null;
      }
    }
    if (portAt < host.length()) {
      if (!isPort(host.substring(portAt + 1))) {
        return null;
      }
    }
    return host;
  }

  private static List<String> splitOutsideQuotes(String text, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && quoted) {
        i++;
      } else if (c == separator && !quoted) {
        parts.add(text.substring(start, i).trim());
        start = i + 1;
      }
    }
    parts.add(text.substring(start).trim());
    return parts;
  }

  private static String unquote(String value) {
    if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 1; i < value.length() - 1; i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() - 1) {
        c = value.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
