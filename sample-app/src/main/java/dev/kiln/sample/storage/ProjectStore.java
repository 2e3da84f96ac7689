package dev.kiln.sample.storage;

import dev.kiln.jdbi.Database;
import java.util.List;
import java.util.Optional;

/**
 * The projects' queries (the talk's {@code storage.py}), in one place and in SQL. Each runs in the
 * transaction of a {@code Transactional} handler when there is one, or alone otherwise. A
 * duplicate slug is PostgreSQL's unique constraint, answered 409 by kiln-jdbi.
 */
public final class ProjectStore {
  private static final String COLUMNS = "id, name, slug, description";

  private final Database database;

  public ProjectStore(Database database) {
    this.database = database;
  }

  /** Every project, oldest first. */
  public List<Project> all() {
    return database.withHandle(h -> h.createQuery("select " + COLUMNS + " from projects order by id")
        .map(ProjectRow.MAPPER)
        .list());
  }

  public Optional<Project> find(long id) {
    return database.withHandle(h -> h.createQuery("select " + COLUMNS + " from projects where id = :id")
        .bind("id", id)
        .map(ProjectRow.MAPPER)
        .findOne());
  }

  public Project add(String name, String slug, String description) {
    return database.withHandle(h -> h.createQuery("insert into projects (name, slug, description) "
            + "values (:name, :slug, :description) returning " + COLUMNS)
        .bind("name", name)
        .bind("slug", slug)
        .bind("description", description)
        .map(ProjectRow.MAPPER)
        .one());
  }

  /** The project with its fields replaced, or empty when there is none with that id. */
  public Optional<Project> update(Project project) {
    return database.withHandle(h -> ProjectRow.bind(h.createQuery("update projects set name = :name, slug = :slug, "
            + "description = :description where id = :id returning " + COLUMNS), project)
        .map(ProjectRow.MAPPER)
        .findOne());
  }

  /** The project deleted, or empty when there was none with that id. */
  public Optional<Project> delete(long id) {
    return database.withHandle(h -> h.createQuery("delete from projects where id = :id returning " + COLUMNS)
        .bind("id", id)
        .map(ProjectRow.MAPPER)
        .findOne());
  }
}
