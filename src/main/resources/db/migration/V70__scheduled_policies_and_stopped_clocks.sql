-- A UK clock stopped by a clarification (UK GDPR Art. 12A): since when, and how many days of its
-- period will still run once the answer arrives. Null while the clock runs. The request carries
-- the values of its stopped clock for the due views, which read no clock rows.
alter table request_clock add column stopped_since timestamp with time zone;
alter table request_clock add column days_left integer;
alter table rights_request add column stopped_since timestamp with time zone;
alter table rights_request add column days_left integer;
