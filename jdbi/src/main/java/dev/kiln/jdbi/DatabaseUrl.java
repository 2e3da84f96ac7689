package dev.kiln.jdbi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the database is, read from a {@code postgres://user:password@host:port/db?params} URL as
 * libpq and the talk's aiopg take it, or from a JDBC URL as it is. The credentials go to the pool
 * apart from the URL, so what is logged ({@link #shown}) never holds the password.
 */
record DatabaseUrl(String jdbcUrl, String user, String password, String shown) {
  private static final String JDBC = "jdbc:postgresql://";

  static DatabaseUrl parse(String url) {
    String text = url.strip();
    if (text.startsWith(JDBC)) {
      return new DatabaseUrl(text, null, null, JDBC + maskedQuery(text.substring(JDBC.length())));
    }
    String rest;
    if (text.startsWith("postgres://")) {
      rest = text.substring("postgres://".length());
    } else if (text.startsWith("postgresql://")) {
      rest = text.substring("postgresql://".length());
    } else {
      throw new IllegalArgumentException("databaseUrl is neither postgres://user:password@host:port/db nor "
          + "jdbc:postgresql://host:port/db: it starts with '" + scheme(text) + "'");
    }
    int at = rest.lastIndexOf('@', endOfAuthority(rest));
    String user = null;
    String password = null;
    if (at >= 0) {
      String credentials = rest.substring(0, at);
      int colon = credentials.indexOf(':');
      user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
      password = colon < 0 ? null : decode(credentials.substring(colon + 1));
      rest = rest.substring(at + 1);
    }
    if (rest.isEmpty() || rest.startsWith("/")) {
      throw new IllegalArgumentException("databaseUrl names no host: postgres://user:password@host:port/db");
    }
    String jdbc = JDBC + rest;
    return new DatabaseUrl(jdbc, user, password, "postgres://" + (user != null ? user + (password != null ? ":***" : "")
        + "@" : "") + maskedQuery(rest));
  }

  private static int endOfAuthority(String rest) {
    int slash = rest.indexOf('/');
    int query = rest.indexOf('?');
    int end = slash < 0 ? rest.length() : slash;
    return query >= 0 && query < end ? query : end;
  }

  /** Hides a password passed as a query parameter ({@code ?password=...}). */
  private static String maskedQuery(String rest) {
    return rest.replaceAll("(?i)([?&]password=)[^&]*", "$1***");
  }

  private static String decode(String part) {
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String scheme(String text) {
    int colon = text.indexOf(':');
    return colon < 0 ? text.substring(0, Math.min(text.length(), 12)) : text.substring(0, colon + 1);
  }
}
