package dev.kiln.sample.storage;

import java.util.List;
import java.util.Optional;

/** Where projects live: in memory for now, PostgreSQL once the database module lands. */
public interface ProjectStore {
  List<Project> all();

  Optional<Project> find(long id);

  Optional<Project> findBySlug(String slug);

  Project add(String name, String slug, String description);
}
