-- Fingerprints of the keyring's fully applied migration script sets; see the data store's
-- migration of the same name.
create table schema_fingerprint (
  fingerprint varchar(64) primary key,
  recorded_at timestamp with time zone not null
);
