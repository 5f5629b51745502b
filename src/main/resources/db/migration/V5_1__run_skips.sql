-- What a sync did not store, per run and source, with why: objects the source would not give us
-- (kind 'unreadable': an empty repository, a block the API does not support) and records that could
-- not be normalized (kind 'malformed'). `status` shows them; the counts stay in sync_run_sources.
ALTER TABLE sync_run_sources ADD COLUMN unreadable_count INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE sync_run_skips (
    run_id          BIGINT           NOT NULL,
    source          VARCHAR(32)      NOT NULL,
    kind            VARCHAR(16)      NOT NULL,
    stream          VARCHAR(300)     NOT NULL,
    object          VARCHAR(500)     NOT NULL,
    reason          VARCHAR(1000)    NOT NULL
);
CREATE INDEX sync_run_skips_run ON sync_run_skips (run_id, source);
