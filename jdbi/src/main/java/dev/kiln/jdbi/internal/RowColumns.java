package dev.kiln.jdbi.internal;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What the row mappers the processor writes for {@code @Row} records call: finding their columns
 * once per result, and the checks on each value. Not for application code.
 */
public final class RowColumns {
  private RowColumns() {}

  /**
   * The index of each of {@code columns} in {@code rows}, found by label, case-insensitively as
   * PostgreSQL folds unquoted names; fails naming the record's component whose column is missing.
   */
  public static int[] indices(ResultSet rows, String record, String[] components, String[] columns)
      throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int count = meta.getColumnCount();
    if (count == columns.length && inOrder(meta, columns)) {
      return count < IN_ORDER.length ? IN_ORDER[count] : identity(count);
    }
    Map<String, Integer> byLabel = new HashMap<>();
    List<String> labels = new ArrayList<>();
    for (int i = meta.getColumnCount(); i >= 1; i--) {
      String label = meta.getColumnLabel(i);
      byLabel.put(label.toLowerCase(Locale.ROOT), i); // the first of equal labels wins, as in JDBC
      labels.add(0, label);
    }
    int[] at = new int[columns.length];
    for (int c = 0; c < columns.length; c++) {
      Integer index = byLabel.get(columns[c].toLowerCase(Locale.ROOT));
      if (index == null) {
        throw new IllegalStateException(record + "." + components[c] + " reads column " + columns[c]
            + ", which the result does not have (it has " + String.join(", ", labels) + "): select it, alias a column "
            + "as " + columns[c] + ", or name the column with @Column");
      }
      at[c] = index;
    }
    return at;
  }

  /** Identity indices for the usual query, which selects a record's columns in component order; shared, never written. */
  private static final int[][] IN_ORDER = new int[33][];

  static {
    for (int n = 0; n < IN_ORDER.length; n++) {
      IN_ORDER[n] = identity(n);
    }
  }

  private static int[] identity(int count) {
    int[] at = new int[count];
    for (int i = 0; i < count; i++) {
      at[i] = i + 1;
    }
    return at;
  }

  private static boolean inOrder(ResultSetMetaData meta, String[] columns) throws SQLException {
    for (int i = 0; i < columns.length; i++) {
      if (!meta.getColumnLabel(i + 1).equalsIgnoreCase(columns[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code value}, which must not be {@code NULL}. */
  public static <T> T notNull(T value, String component, String column) {
    if (value == null) {
      throw unexpectedNull(component, column);
    }
    return value;
  }

  public static long present(long value, ResultSet rows, String component, String column) throws SQLException {
    if (value == 0 && rows.wasNull()) {
      throw unexpectedNull(component, column);
    }
    return value;
  }

  public static int present(int value, ResultSet rows, String component, String column) throws SQLException {
    return (int) present((long) value, rows, component, column);
  }

  public static short present(short value, ResultSet rows, String component, String column) throws SQLException {
    return (short) present((long) value, rows, component, column);
  }

  public static byte present(byte value, ResultSet rows, String component, String column) throws SQLException {
    return (byte) present((long) value, rows, component, column);
  }

  public static double present(double value, ResultSet rows, String component, String column) throws SQLException {
    if (value == 0 && rows.wasNull()) {
      throw unexpectedNull(component, column);
    }
    return value;
  }

  public static float present(float value, ResultSet rows, String component, String column) throws SQLException {
    return (float) present((double) value, rows, component, column);
  }

  public static boolean present(boolean value, ResultSet rows, String component, String column) throws SQLException {
    if (!value && rows.wasNull()) {
      throw unexpectedNull(component, column);
    }
    return value;
  }

  /** A boxed value read by a primitive getter: {@code null} where the column was {@code NULL}. */
  public static Long orNull(long value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Integer orNull(int value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Short orNull(short value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Byte orNull(byte value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Double orNull(double value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Float orNull(float value, ResultSet rows) throws SQLException {
    return value == 0 && rows.wasNull() ? null : value;
  }

  public static Boolean orNull(boolean value, ResultSet rows) throws SQLException {
    return !value && rows.wasNull() ? null : value;
  }

  /** A {@code timestamptz} as an {@link Instant}. */
  public static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /** The enum constant a text column names; fails naming the component for a name that is no constant. */
  public static <E extends Enum<E>> E constant(String name, Function<String, E> valueOf, String component) {
    if (name == null) {
      return null;
    }
    try {
      return valueOf.apply(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(component + " has no constant named '" + name + "'", e);
    }
  }

  private static IllegalStateException unexpectedNull(String component, String column) {
    return new IllegalStateException("column " + column + " is NULL, but " + component + " cannot hold NULL: "
        + "annotate it @Nullable (with a box for a primitive) or make it an Optional");
  }
}
