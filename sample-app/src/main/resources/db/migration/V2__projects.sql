-- The talk's add_project form: a name, a slug unique among projects, a description.
create table projects (
  id bigserial primary key,
  name text not null check (length(name) between 1 and 32),
  slug text not null unique check (slug ~ '^[a-z0-9-]{1,32}$'),
  description text not null default '' check (length(description) <= 255),
  owner_id bigint references users (id) on delete set null,
  created_at timestamptz not null default now()
);

insert into projects (name, slug, description, owner_id)
values ('Kiln', 'kiln', 'The asyncio stack, rebuilt for Java', 1);
