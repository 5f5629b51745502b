package dev.nightjar.store.ledgers;

import dev.nightjar.store.Database;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;

/**
 * Events API {@code event_id}s already taken on, at two depths. {@link #reserve} is in memory, on the
 * request thread: a retry or duplicate delivery to this process while the first is still queued or
 * being answered is refused without touching the database, so the acknowledgement waits on no commit.
 * {@link #claim} is the {@code slack_events} row, written by the worker before it answers: its primary
 * key makes the claim atomic across restarts and nodes, so a retry this process no longer remembers
 * (or one that reached another node) is still answered once.
 */
public class EventLedger {

    /**
     * How many recent event ids are remembered in memory. Slack retries three times within about five
     * minutes; at Slack's own ceiling for one app (30,000 events an hour) that is 2,500 events.
     */
    static final int REMEMBERED = 10_000;

    private final Database db;
    private final Clock clock;
    private final Map<String, Boolean> recent = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public EventLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** True the first time this process sees {@code eventId} (among the last {@link #REMEMBERED}); no I/O. */
    public boolean reserve(String eventId) {
        synchronized (recent) {
            return recent.putIfAbsent(eventId, Boolean.TRUE) == null;
        }
    }

    /** Forgets a reservation whose work was not taken on (the workers were full), so Slack's retry is. */
    public void release(String eventId) {
        synchronized (recent) {
            recent.remove(eventId);
        }
    }

    /** True for the first claim of {@code eventId} in the database, false for every later one. */
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
