package dev.kiln.jdbi;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.kiln.processor.KilnProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The row mappers the processor writes for {@code @Row} records, compiled from source and run
 * against a real PostgreSQL: columns found by their snake_case names, every supported type read,
 * NULLs checked, missing columns named, records bound, with no reflection; and the compile errors
 * on the exact component.
 */
class RowMapperTest {
  private static final JavaFileObject USER = JavaFileObjects.forSourceString("rows.User", """
      package rows;

      import dev.kiln.jdbi.Column;
      import dev.kiln.jdbi.Row;
      import java.math.BigDecimal;
      import java.time.Instant;
      import java.time.LocalDate;
      import java.util.Optional;
      import java.util.UUID;

      @Row
      public record User(long id, String email, @Nullable String displayName, Optional<Integer> age, Role role,
          Instant created, UUID token, BigDecimal balance, byte[] avatar, @Nullable LocalDate born,
          @Column("is_admin") boolean admin, @Nullable Long invitedBy) {
        public enum Role { MEMBER, OWNER }
      }
      """);
  private static final JavaFileObject NULLABLE = JavaFileObjects.forSourceString("rows.Nullable", """
      package rows;

      import java.lang.annotation.*;

      @Retention(RetentionPolicy.CLASS)
      @Target({ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
      public @interface Nullable {}
      """);

  private static TestDatabase postgres;
  private static Jdbi jdbi;
  private static ClassLoader loader;

  @BeforeAll
  static void compileAndConnect(@TempDir Path classes) throws Exception {
    Compilation compilation = javac().withProcessors(new KilnProcessor()).compile(USER, NULLABLE);
    assertThat(compilation).succeededWithoutWarnings();
    loader = new URLClassLoader(new URL[] {write(compilation, classes).toUri().toURL()},
        RowMapperTest.class.getClassLoader());
    NoReflectionTest.NO_REFLECTION.check(new ClassFileImporter().importPath(classes));
    postgres = TestDatabase.start();
    jdbi = Jdbi.create(postgres.jdbcUrl(), "postgres", "");
    jdbi.useHandle(h -> h.execute("""
        create table users (id bigserial primary key, email text, display_name text, age integer, role text,
          created timestamptz, token uuid, balance numeric, avatar bytea, born date, is_admin boolean,
          invited_by bigint)"""));
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @SuppressWarnings("unchecked")
  private static RowMapper<Object> mapper() throws Exception {
    return (RowMapper<Object>) loader.loadClass("rows.UserRow").getField("MAPPER").get(null);
  }

  private static void bind(SqlStatement<?> statement, Object user) throws Exception {
    loader.loadClass("rows.UserRow").getMethod("bind", SqlStatement.class, loader.loadClass("rows.User"))
        .invoke(null, statement, user);
  }

  private static Object component(Object record, String name) throws Exception {
    return record.getClass().getMethod(name).invoke(record);
  }

  @Test
  void readsEveryColumnByItsSnakeCaseName() throws Exception {
    UUID token = UUID.randomUUID();
    try (Handle h = jdbi.open()) {
      h.execute("truncate users");
      h.createUpdate("insert into users values (7, 'ada@example.org', null, 36, 'OWNER', "
              + "'2015-09-05T10:00:00Z', :token, 12.50, '\\x0102', null, true, null)")
          .bind("token", token).execute();
      List<Object> users = h.createQuery("select * from users").map(mapper()).list();
      assertThat(users).hasSize(1);
      Object user = users.get(0);
      assertThat(component(user, "id")).isEqualTo(7L);
      assertThat(component(user, "email")).isEqualTo("ada@example.org");
      assertThat(component(user, "displayName")).isNull();
      assertThat(component(user, "age")).isEqualTo(Optional.of(36));
      assertThat(component(user, "role")).hasToString("OWNER");
      assertThat(component(user, "created")).isEqualTo(Instant.parse("2015-09-05T10:00:00Z"));
      assertThat(component(user, "token")).isEqualTo(token);
      assertThat(component(user, "balance")).isEqualTo(new BigDecimal("12.50"));
      assertThat((byte[]) component(user, "avatar")).containsExactly(1, 2);
      assertThat(component(user, "born")).isNull();
      assertThat(component(user, "admin")).isEqualTo(true);
      assertThat(component(user, "invitedBy")).isNull();
    }
  }

  @Test
  void bindsARecordByItsComponentNamesAndReadsItBack() throws Exception {
    try (Handle h = jdbi.open()) {
      h.execute("truncate users");
      Object ada = h.createQuery("select 1 as id, 'ada@example.org' as email, 'Ada' as display_name, "
              + "cast(null as integer) as age, 'MEMBER' as role, now() as created, gen_random_uuid() as token, "
              + "cast(0 as numeric) as balance, '\\x00'::bytea as avatar, date '1815-12-10' as born, "
              + "false as is_admin, cast(3 as bigint) as invited_by")
          .map(mapper()).one();
      var insert = h.createUpdate("insert into users values (:id, :email, :displayName, :age, :role, :created, "
          + ":token, :balance, :avatar, :born, :admin, :invitedBy)");
      bind(insert, ada);
      assertThat(insert.execute()).isEqualTo(1);
      Object back = h.createQuery("select * from users").map(mapper()).one();
      assertThat(component(back, "displayName")).isEqualTo("Ada");
      assertThat(component(back, "age")).isEqualTo(Optional.empty());
      assertThat(component(back, "born")).isEqualTo(LocalDate.of(1815, 12, 10));
      assertThat(component(back, "invitedBy")).isEqualTo(3L);
      assertThat(component(back, "token")).isEqualTo(component(ada, "token"));
    }
  }

  @Test
  void aComponentWithoutAColumnFailsNamingBoth() throws Exception {
    try (Handle h = jdbi.open()) {
      RowMapper<Object> mapper = mapper();
      assertThatThrownBy(() -> h.createQuery("select 1 as id, 'a' as email").map(mapper).list())
          .extracting(RowMapperTest::deepest)
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("User.displayName reads column display_name, which the result does not have "
              + "(it has id, email)");
    }
  }

  @Test
  void aNullInAComponentThatCannotHoldOneFailsNamingIt() throws Exception {
    try (Handle h = jdbi.open()) {
      h.execute("truncate users");
      h.execute("insert into users (id, email, role, created, token, balance, avatar, is_admin) "
          + "values (1, null, 'MEMBER', now(), gen_random_uuid(), 0, '\\x00', false)");
      RowMapper<Object> mapper = mapper();
      assertThatThrownBy(() -> h.createQuery("select * from users").map(mapper).list())
          .extracting(RowMapperTest::deepest)
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
          .hasMessage("column email is NULL, but User.email cannot hold NULL: annotate it @Nullable (with a box "
              + "for a primitive) or make it an Optional");
      h.execute("update users set email = 'a', is_admin = null");
      assertThatThrownBy(() -> h.createQuery("select * from users").map(mapper).list())
          .extracting(RowMapperTest::deepest)
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
          .hasMessageStartingWith("column is_admin is NULL, but User.admin cannot hold NULL");
    }
  }

  @Test
  void mistakesAreCompileErrorsOnTheComponent() {
    JavaFileObject bad = JavaFileObjects.forSourceString("rows.Bad", """
            package rows;

            import dev.kiln.jdbi.Column;
            import dev.kiln.jdbi.Row;
            import java.util.List;

            @Row
            public record Bad(long id,
                List<String> tags,
                @Nullable int count,
                @Column("id") long other) {}
            """);
    JavaFileObject notARecord = JavaFileObjects.forSourceString("rows.NotARecord", """
        package rows;

        @dev.kiln.jdbi.Row
        public final class NotARecord {}
        """);
    Compilation compilation = javac().withProcessors(new KilnProcessor()).compile(NULLABLE, bad, notARecord);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[Kiln/InvalidRow] Bad.tags: a row cannot read java.util.List<java.lang.String> "
        + "from a column").inFile(bad).onLineContaining("List<String> tags");
    assertThat(compilation).hadErrorContaining("Bad.count is a primitive, which cannot hold NULL: make it Integer")
        .inFile(bad).onLineContaining("int count");
    assertThat(compilation).hadErrorContaining("Bad.other and id both read column id: name one's column with @Column")
        .inFile(bad).onLineContaining("long other");
    assertThat(compilation).hadErrorContaining("@Row goes on a record, whose components are the columns it maps: "
        + "make NotARecord a record").inFile(notARecord).onLineContaining("class NotARecord");
  }

  /** The innermost cause, or the failure itself: Jdbi wraps what a mapper throws in some places and not others. */
  private static Throwable deepest(Throwable failure) {
    Throwable deepest = failure;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
    }
    return deepest;
  }

  private static Path write(Compilation compilation, Path directory) {
    try {
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() == JavaFileObject.Kind.CLASS) {
          Path target = directory.resolve(file.toUri().getPath().replaceFirst("^/CLASS_OUTPUT/", ""));
          Files.createDirectories(target.getParent());
          try (InputStream in = file.openInputStream()) {
            Files.copy(in, target);
          }
        }
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
