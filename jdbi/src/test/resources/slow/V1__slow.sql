-- Slow enough that a second instance starting beside this one finds Flyway's lock taken.
select pg_sleep(1);
create table migrated_once (id integer);
insert into migrated_once values (1);
