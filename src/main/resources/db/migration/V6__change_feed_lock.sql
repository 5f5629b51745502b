-- One row that every writer of documents locks (SELECT ... FOR UPDATE) until its transaction ends, so
-- change_seq values are handed out and committed in one order by every process and node sharing the
-- database: a follower that indexes "everything after the last seq I applied" never skips a change.
CREATE TABLE change_feed_lock (id INT PRIMARY KEY);
INSERT INTO change_feed_lock (id) VALUES (1);
