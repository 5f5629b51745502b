package dev.nightjar.store.ledgers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.store.Database;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Answers given in Slack and the feedback on them ("useful" / "wrong source"), kept with the cited
 * documents so ranking can learn from them later. One verdict per person and answer; the latest wins.
 */
public class AnswerLog {

    public enum Verdict { USEFUL, WRONG_SOURCE }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;

    public AnswerLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** An answer waiting for the next group commit: its row, then its id (or the failure) once written. */
    private static final class Pending {
        final Object[] row;
        long id;
        boolean written;
        RuntimeException failed;

        Pending(Object[] row) {
            this.row = row;
        }
    }

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Held by the one thread writing the waiting answers; the others wait for it and usually find theirs written. */
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * Records an answer given in Slack, committed when this returns. Answers recorded at the same time are written
     * in one transaction (a group commit): each commit of the embedded store writes a chunk to its file, and with
     * one commit per answer the Slack workers queued on the store's commit lock and spent 12 % of their CPU there
     * at 100k documents (BENCHMARKS.md, serve under load).
     *
     * @param citedDocIds the ids of the documents the answer cites, in citation order
     * @return the answer's id, which the feedback buttons carry
     * @throws RuntimeException the database refused the row (every answer of that transaction gets the same error)
     */
    public long record(String channel, String threadTs, String asker, String askedQuestion, java.util.List<String> citedDocIds) {
        String cited;
        try {
            cited = JSON.writeValueAsString(citedDocIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String question = askedQuestion.length() > 4000 ? askedQuestion.substring(0, 4000) : askedQuestion;
        Pending mine = new Pending(new Object[]{channel, threadTs, asker, question, cited, clock.instant().atOffset(ZoneOffset.UTC)});
        waiting.add(mine);
        writer.lock();
        try {
            if (!mine.written) writeWaiting(); // else the previous holder wrote it with its own
        } finally {
            writer.unlock();
        }
        if (mine.failed != null) throw mine.failed;
        return mine.id;
    }

    /** Writes every waiting answer in one transaction; called with {@link #writer} held. */
    private void writeWaiting() {
        java.util.List<Pending> batch = new java.util.ArrayList<>();
        for (Pending p; (p = waiting.poll()) != null; ) batch.add(p);
        try {
            db.tx().executeWithoutResult(status -> {
                for (Pending p : batch) p.id = insert(p.row);
            });
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).failed = e;
            } else {
                // one refused row must not cost the others theirs: each alone, so only the refused one fails
                for (Pending p : batch) {
                    try {
                        p.id = insert(p.row);
                    } catch (RuntimeException alone) {
                        p.failed = alone;
                    }
                }
            }
        }
        for (Pending p : batch) p.written = true;
    }

    private long insert(Object[] row) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        db.jdbc().update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO slack_answers (channel, thread_ts, asker, question, cited_doc_ids, answered_at) "
                    + "VALUES (?,?,?,?,?,?)", new String[]{"id"});
            for (int i = 0; i < 5; i++) ps.setString(i + 1, (String) row[i]);
            ps.setObject(6, row[5]);
            return ps;
        }, key);
        // the id column by name, as RunStore asks: with RETURN_GENERATED_KEYS PostgreSQL's driver hands back every
        // column of the row and getKey() refused, so no Slack answer was recorded on PostgreSQL (found by the
        // suite's PostgreSQL half once this class had a test)
        return java.util.Objects.requireNonNull(key.getKey(), "no generated id").longValue();
    }

    /** Records (or changes) {@code userId}'s verdict; false when the answer is unknown. */
    public boolean feedback(long answerId, String userId, Verdict verdict) {
        Integer answers = db.jdbc().queryForObject("SELECT COUNT(*) FROM slack_answers WHERE id=?", Integer.class, answerId);
        if (answers == null || answers == 0) return false;
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        String v = verdict.name().toLowerCase(java.util.Locale.ROOT);
        // No surrounding transaction: on PostgreSQL a failed insert would poison it. Update, else insert;
        // a concurrent click of the same person winning the insert is then simply updated.
        if (db.jdbc().update("UPDATE slack_feedback SET verdict=?, recorded_at=? WHERE answer_id=? AND user_id=?", v, now, answerId, userId) > 0) {
            return true;
        }
        try {
            db.jdbc().update("INSERT INTO slack_feedback (answer_id, user_id, verdict, recorded_at) VALUES (?,?,?,?)", answerId, userId, v, now);
        } catch (org.springframework.dao.DuplicateKeyException concurrentClick) {
            db.jdbc().update("UPDATE slack_feedback SET verdict=?, recorded_at=? WHERE answer_id=? AND user_id=?", v, now, answerId, userId);
        }
        return true;
    }

}
