-- Fingerprints (SHA-256 over the names and contents of the bundled migration scripts) of script
-- sets Flyway has fully applied to this database. A node whose bundled scripts match a recorded
-- fingerprint has nothing to migrate or validate and skips Flyway at start-up; any other set of
-- scripts, including an edited one, goes through Flyway's migrate and validation as before.
create table schema_fingerprint (
  fingerprint varchar(64) primary key,
  recorded_at timestamp with time zone not null
);
