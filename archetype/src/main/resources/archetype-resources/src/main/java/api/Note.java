package ${package}.api;

/** A stored note. */
public record Note(long id, String title, String text) {}
