-- The nightly pipeline: which run last saw each document (full syncs reconcile deletions by it) and
-- a lock so that only one sync runs at a time, across processes sharing the database.
ALTER TABLE documents ADD COLUMN seen_run BIGINT;

CREATE TABLE run_lock (
    name            VARCHAR(64)      NOT NULL PRIMARY KEY,
    owner           VARCHAR(256)     NOT NULL,
    acquired_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- which sources a run read, so an interrupted run can be resumed with the same selection
ALTER TABLE sync_runs ADD COLUMN sources VARCHAR(1000);

-- `status` counts current documents by source, kind, level and flags: an index-only scan with this
CREATE INDEX documents_counts ON documents (deleted_at, source, kind, truth_level, stale, superseded_by);
