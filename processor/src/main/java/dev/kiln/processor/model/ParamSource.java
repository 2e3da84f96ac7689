package dev.kiln.processor.model;

/** Where a handler parameter's value comes from. */
public enum ParamSource {
  PATH("path parameter"),
  QUERY("query parameter"),
  HEADER("header"),
  COOKIE("cookie"),
  /** A form field, urlencoded or multipart. */
  FORM("form field"),
  /** The file parts of a multipart form with one name. */
  FILE("file"),
  /** The whole body, JSON or form. */
  BODY("request body"),
  REQUEST("request");

  private final String description;

  ParamSource(String description) {
    this.description = description;
  }

  /** Where a violation is, in a 422's list: {@code query}, {@code form}, {@code body}… */
  public String in() {
    return this == FILE ? "form" : name().toLowerCase(java.util.Locale.ROOT);
  }

  /** How error messages name it: {@code query parameter 'page'}. */
  public String describe(String wireName) {
    return this == BODY ? description : description + " '" + wireName + "'";
  }
}
