-- The people affected by a breach, per system of the data map the incident names: how many the
-- vault's records place in that system (a floor: the vault knows only the people it holds), and the
-- system's own count when a connected system can count (null: unknown). Replaced at each count.
-- Counts and ids only. Written for H2 (PostgreSQL mode) and PostgreSQL.
create table breach_system_count (
  incident_id   uuid        not null,
  system_id     varchar(64) not null,
  vault_people  integer     not null,
  system_people integer,
  counted_at    timestamp with time zone not null,
  primary key (incident_id, system_id)
);
