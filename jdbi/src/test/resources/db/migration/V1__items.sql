create table items (
  id bigserial primary key,
  name text not null unique,
  parent bigint references items (id),
  quantity integer not null default 0 check (quantity >= 0)
);
create table visits (n bigint not null);
insert into visits values (0);
