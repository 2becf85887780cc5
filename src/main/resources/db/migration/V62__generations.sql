-- Named counters that say "rows of this kind changed". A node caches what it derives from such
-- rows (who a bearer token belongs to, and whether it may still be used) and trusts the cache
-- while the counter stands still; every change bumps the counter in its own transaction.
-- 'credentials': API tokens revoked, staff users or client accounts disabled.
create table generation (
  kind       varchar(40) primary key,
  generation bigint      not null
);
insert into generation (kind, generation) values ('credentials', 0);
