package dev.kiln.sample.storage;

/** A project, as the talk's {@code add_project} form describes it. */
public record Project(long id, String name, String slug, String description) {}
