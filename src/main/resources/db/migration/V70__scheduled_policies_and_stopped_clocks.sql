-- A policy version takes force at the later of its publication and the start of its effective
-- date; until then the version before it stays in force. Versions published before this column
-- took force when they were published.
alter table policy_version add column in_force_from timestamp with time zone;
update policy_version set in_force_from = published_at;
alter table policy_version alter column in_force_from set not null;

-- A UK clock stopped by a clarification (UK GDPR Art. 12A): since when, and how many days of its
-- period will still run once the answer arrives. Null while the clock runs. The request carries
-- the values of its stopped clock for the due views, which read no clock rows.
alter table request_clock add column stopped_since timestamp with time zone;
alter table request_clock add column days_left integer;
alter table rights_request add column stopped_since timestamp with time zone;
alter table rights_request add column days_left integer;
