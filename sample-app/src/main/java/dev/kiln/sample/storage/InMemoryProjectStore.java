package dev.kiln.sample.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A thread-safe in-memory store, seeded with the talk's first project. */
public final class InMemoryProjectStore implements ProjectStore {
  private final ConcurrentSkipListMap<Long, Project> projects = new ConcurrentSkipListMap<>();
  private final AtomicLong ids = new AtomicLong();

  public InMemoryProjectStore() {
    add("Kiln", "kiln", "The asyncio stack, rebuilt for Java");
  }

  @Override
  public List<Project> all() {
    return List.copyOf(projects.values());
  }

  @Override
  public Optional<Project> find(long id) {
    return Optional.ofNullable(projects.get(id));
  }

  @Override
  public Optional<Project> findBySlug(String slug) {
    return projects.values().stream().filter(p -> p.slug().equals(slug)).findFirst();
  }

  @Override
  public synchronized Project add(String name, String slug, String description) {
    long id = ids.incrementAndGet();
    Project project = new Project(id, name, slug, description);
    projects.put(id, project);
    return project;
  }
}
