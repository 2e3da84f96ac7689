package dev.kiln.internal.server;

/**
 * An address to listen on, gunicorn's {@code --bind}: {@code host:port}, {@code [::1]:port}, or a
 * host alone, which takes the configured port.
 */
public record BindAddress(String host, int port) {
  public BindAddress {
    if (host.isEmpty()) {
      throw new IllegalArgumentException("bind address has no host; write 0.0.0.0:8000 for every interface");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  /**
   * Parses {@code text}, with {@code defaultPort} when it names none.
   *
   * @throws IllegalArgumentException saying how to write one
   */
  public static BindAddress parse(String text, int defaultPort) {
    String trimmed = text.trim();
    String host = trimmed;
    String port = null;
    if (trimmed.startsWith("[")) {
      int close = trimmed.indexOf(']');
      if (close < 0 || (close + 1 < trimmed.length() && trimmed.charAt(close + 1) != ':')) {
        throw malformed(text);
      }
      host = trimmed.substring(1, close);
      port = close + 1 < trimmed.length() ? trimmed.substring(close + 2) : null;
    } else if (trimmed.indexOf(':') >= 0 && trimmed.indexOf(':') == trimmed.lastIndexOf(':')) {
      host = trimmed.substring(0, trimmed.indexOf(':'));
      port = trimmed.substring(trimmed.indexOf(':') + 1);
    }
    if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
      throw malformed(text);
    }
    if (port == null) {
      return new BindAddress(host, defaultPort);
    }
    try {
      return new BindAddress(host, Integer.parseInt(port));
    } catch (NumberFormatException e) {
      throw malformed(text);
    }
  }

  private static IllegalArgumentException malformed(String text) {
    return new IllegalArgumentException("not a bind address: '" + text
        + "' (write host:port, [::1]:port, or a host alone for --port)");
  }

  /** As a URL's authority: {@code 127.0.0.1:8000}, {@code [::1]:8000}. */
  public String authority(int boundPort) {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + boundPort;
  }
}
