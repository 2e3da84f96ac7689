package dev.kiln.jdbi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a table row: the processor writes {@code <Record>Row} beside it, a Jdbi
 * {@code RowMapper} and a binder written out in plain code, with no reflection at run time.
 *
 * <pre>{@code
 * @Row
 * public record User(long id, String email, @Nullable String displayName) {}
 *
 * List<User> users = handle.createQuery("select id, email, display_name from users").map(UserRow.MAPPER).list();
 * UserRow.bind(handle.createUpdate("insert into users (email, display_name) values (:email, :displayName)"), user)
 *     .execute();
 * }</pre>
 *
 * <p>Each component reads the column named like it in snake_case ({@code displayName} reads
 * {@code display_name}), or the one {@link Column} names. A component whose column the result does
 * not have fails on the query's first row, naming both. A {@code NULL} fails too unless the component
 * may hold one: a box or reference type annotated with any {@code @Nullable}, or an
 * {@code Optional}. {@code bind} binds each component under its own name ({@code :displayName}).
 *
 * <p>Component types: the primitives and their boxes, {@code String}, {@code BigDecimal},
 * {@code byte[]}, {@code UUID}, {@code LocalDate}, {@code LocalTime}, {@code LocalDateTime},
 * {@code OffsetDateTime}, {@code Instant}, enums (by constant name), and {@code Optional} of any of
 * them but the primitives. Anything else is a compile error on the component.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Row {}
