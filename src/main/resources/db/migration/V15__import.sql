-- Bulk imports and their checkpoints. One row per (file, mapping): the checkpoint moves in the
-- same transaction as each committed batch, so an interrupted import resumes after the last
-- committed row and a finished one is not imported twice. No personal data here: hashes of the
-- file and the mapping, positions and counts.
create table import_run (
  id             uuid primary key,
  file_hash      varchar(64)   not null,
  mapping_hash   varchar(64)   not null,
  file_name      varchar(1000) not null,
  started_at     timestamp with time zone not null,
  updated_at     timestamp with time zone not null,
  finished_at    timestamp with time zone,
  -- Last physical line and byte offset (of the uncompressed text) of the committed rows.
  last_line      bigint not null,
  last_offset    bigint not null,
  -- Length of the rejects file at the checkpoint, so a resumed import truncates what a failed
  -- batch had written there.
  rejects_bytes  bigint not null,
  created        bigint not null,
  updated        bigint not null,
  rejected       bigint not null,
  unique (file_hash, mapping_hash)
);
