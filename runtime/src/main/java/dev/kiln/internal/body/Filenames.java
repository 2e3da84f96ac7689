package dev.kiln.internal.body;

/** Client-supplied file names made harmless. */
final class Filenames {
  private Filenames() {}

  /**
   * The last path component of {@code name} (after {@code /} or {@code \}), without control
   * characters and surrounding blanks; empty for none, {@code .} or {@code ..}.
   */
  static String sanitize(String name) {
    if (name == null) {
      return "";
    }
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    StringBuilder clean = new StringBuilder(name.length() - slash - 1);
    for (int i = slash + 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
        clean.append(c);
      }
    }
    String result = clean.toString().strip();
    return result.equals(".") || result.equals("..") ? "" : result;
  }
}
