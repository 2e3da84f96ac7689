-- The talk's users_table: an id, a unique email, an optional display name.
create table users (
  id bigserial primary key,
  email text not null unique,
  display_name text
);

insert into users (email, display_name) values ('igor@example.org', 'Igor');
