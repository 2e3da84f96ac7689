package dev.kiln.bench;

import dev.kiln.jdbi.Column;
import dev.kiln.jdbi.Row;

/** A row of TechEmpower's {@code world} table, and what its database tests answer with. */
@Row
public record World(int id, @Column("randomnumber") int randomNumber) {}
