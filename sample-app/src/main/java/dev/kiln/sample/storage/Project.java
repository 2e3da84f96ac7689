package dev.kiln.sample.storage;

import dev.kiln.jdbi.Row;

/** A project, as the talk's {@code add_project} form describes it: a row of {@code projects}. */
@Row
public record Project(long id, String name, String slug, String description) {}
