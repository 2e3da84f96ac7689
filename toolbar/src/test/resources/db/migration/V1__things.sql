-- A table, so that the toolbar's migrations page has one to list.
create table things (id bigserial primary key, name text not null);
