package dev.nightjar.store.ledgers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightjar.store.Database;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
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

    /**
     * Records an answer given in Slack.
     *
     * @param citedDocIds the ids of the documents the answer cites, in citation order
     * @return the answer's id, which the feedback buttons carry
     */
    public long record(String channel, String threadTs, String asker, String askedQuestion, java.util.List<String> citedDocIds) {
        String cited;
        try {
            cited = JSON.writeValueAsString(citedDocIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        String question = askedQuestion.length() > 4000 ? askedQuestion.substring(0, 4000) : askedQuestion;
        db.jdbc().update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO slack_answers (channel, thread_ts, asker, question, cited_doc_ids, answered_at) "
                    + "VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, channel);
            ps.setString(2, threadTs);
            ps.setString(3, asker);
            ps.setString(4, question);
            ps.setString(5, cited);
            ps.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
            return ps;
        }, key);
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
