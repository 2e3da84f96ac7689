package dev.kiln.sample.storage;

import dev.kiln.jdbi.Row;
import org.jspecify.annotations.Nullable;

/** A row of the talk's {@code users} table. */
@Row
public record User(long id, String email, @Nullable String displayName) {}
