-- When a fulfilment task's system started failing, for "waiting on SYSTEM since TIME: ERROR" on the
-- request: set at the first failed attempt of a run of failures, cleared when the task is done.
-- Written for H2 (PostgreSQL mode) and PostgreSQL.
alter table fulfilment_task add column failing_since timestamp with time zone;
