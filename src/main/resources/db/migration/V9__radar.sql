-- Research radar: papers matched to projects, initiatives and canonical PRDs by the nightly job.
-- Portable SQL (H2 and PostgreSQL). Briefs and `ask` only read these tables.

-- One row per (paper, target) judged relevant, with the reason (the sentences that matched).
CREATE TABLE radar_matches (
    paper_id        VARCHAR(512)     NOT NULL,   -- arxiv:paper:<id>
    target_id       VARCHAR(512)     NOT NULL,   -- linear:project:…, linear:initiative:…, notion:page:…
    score           DOUBLE PRECISION NOT NULL,   -- combined score the threshold was applied to
    semantic        DOUBLE PRECISION NOT NULL,   -- cosine of paper and target as wholes
    shared_terms    VARCHAR(4000)    NOT NULL,   -- significant words both use, comma-separated
    paper_sentence  VARCHAR(4000)    NOT NULL,
    target_sentence VARCHAR(4000)    NOT NULL,
    matched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (paper_id, target_id)
);
CREATE INDEX radar_matches_target ON radar_matches (target_id);
CREATE INDEX radar_matches_at ON radar_matches (matched_at);

-- Which version of each paper was judged (so a paper is judged once, and again only when it changes).
CREATE TABLE radar_judged (
    paper_id        VARCHAR(512)     NOT NULL PRIMARY KEY,
    content_hash    VARCHAR(64)      NOT NULL,
    judged_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
