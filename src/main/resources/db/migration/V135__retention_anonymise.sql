-- Retention rules with action anonymise. A sweep item keeps the action of its rule, fixed when the
-- run is planned. Anonymising a vault record destroys its value and identifiers and keeps only a
-- count in vault_record_aggregate: category, source, purposes and month of collection, never a
-- subject or record id, so nothing there leads back to a person. Written for H2 (PostgreSQL mode)
-- and PostgreSQL.
alter table retention_item add column action varchar(16) default 'delete' not null;

create table vault_record_aggregate (
  id              uuid primary key,
  category        varchar(64)   not null,
  source          varchar(64)   not null,
  purposes        varchar(1000) not null,
  collected_month varchar(7)    not null, -- yyyy-MM in UTC
  records         integer       not null,
  anonymised_at   timestamp with time zone not null
);
create index vault_record_aggregate_category on vault_record_aggregate (category, collected_month);
