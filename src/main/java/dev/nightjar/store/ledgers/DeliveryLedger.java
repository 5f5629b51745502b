package dev.nightjar.store.ledgers;

import dev.nightjar.store.Database;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;

/**
 * One brief per audience and local day. The row is claimed (primary key) before the post, so two
 * ticks, two nodes or a restart cannot both post; a failed post releases the claim so a later tick
 * retries. A crash between post and "delivered" leaves the claim: no brief rather than two.
 */
public class DeliveryLedger {

    private final Database db;
    private final Clock clock;

    public DeliveryLedger(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public boolean claim(String audience, LocalDate localDate) {
        try {
            db.jdbc().update("INSERT INTO slack_brief_deliveries (audience, local_date, state, claimed_at) VALUES (?,?,?,?)",
                    audience, localDate, "claimed", clock.instant().atOffset(ZoneOffset.UTC));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void delivered(String audience, LocalDate localDate, String messageTs) {
        db.jdbc().update("UPDATE slack_brief_deliveries SET state='delivered', delivered_at=?, message_ts=? WHERE audience=? AND local_date=?",
                clock.instant().atOffset(ZoneOffset.UTC), messageTs, audience, localDate);
    }

    public void release(String audience, LocalDate localDate) {
        db.jdbc().update("DELETE FROM slack_brief_deliveries WHERE audience=? AND local_date=? AND state='claimed'", audience, localDate);
    }
}
