package dev.kiln.processor.model;

/** Where a handler parameter's value comes from. */
public enum ParamSource {
  PATH("path parameter"),
  QUERY("query parameter"),
  HEADER("header"),
  COOKIE("cookie"),
  REQUEST("request");

  private final String description;

  ParamSource(String description) {
    this.description = description;
  }

  /** How error messages name it: {@code query parameter 'page'}. */
  public String describe(String wireName) {
    return description + " '" + wireName + "'";
  }
}
