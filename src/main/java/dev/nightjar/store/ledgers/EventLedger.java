package dev.nightjar.store.ledgers;

import dev.nightjar.store.Database;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;

/**
 * Events API {@code event_id}s already taken on. The primary key makes the claim atomic: a retry
 * (X-Slack-Retry-Num), a duplicate delivery or a restart finds the row and does nothing.
 */
public class EventLedger {

    private final Database db;
    private final Clock clock;

    public EventLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True for the first claim of {@code eventId}, false for every later one. */
    public boolean claim(String eventId, String type) {
        try {
            db.jdbc().update("INSERT INTO slack_events (event_id, event_type, received_at) VALUES (?,?,?)",
                    eventId, type, clock.instant().atOffset(ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
