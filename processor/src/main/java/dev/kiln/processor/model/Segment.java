package dev.kiln.processor.model;

/** One {@code /}-separated piece of a path template: literal text or a single parameter. */
public sealed interface Segment {

  /** Literal text, as written in the template (not encoded). */
  record Literal(String text) implements Segment {}

  /**
   * A parameter filling the whole segment.
   *
   * @param regex the constraint after {@code :}, or {@code null} for a plain {@code {name}}
   */
  record Param(String name, String regex) implements Segment {}
}
