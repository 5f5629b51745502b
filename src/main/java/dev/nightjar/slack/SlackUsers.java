package dev.nightjar.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.model.PersonIdentity;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.PeopleStore;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is: their e-mail and time zone, from the store's Slack identities (the nightly
 * pull) or else {@code users.info} (profile.email, tz), cached for the life of the process. The e-mail
 * decides what they may read and whether they are an admin.
 */
public class SlackUsers {

    private static final Logger log = LoggerFactory.getLogger(SlackUsers.class);

    /** @param email null when neither the store nor Slack gives one */
    public record SlackUser(String id, String email, String timeZone) {
        public boolean identified() {
            return email != null;
        }
    }

    private final PeopleStore store;
    private final PeopleDirectory people;
    private final SlackWebApi slack;
    private final Map<String, SlackUser> cache = new ConcurrentHashMap<>();

    public SlackUsers(PeopleStore store, PeopleDirectory people, SlackWebApi slack) {
        this.store = store;
        this.people = people;
        this.slack = slack;
    }

    public SlackUser byId(String userId) {
        SlackUser cached = cache.get(userId);
        if (cached != null) return cached;
        SlackUser user = fromStore(userId).orElseGet(() -> fromSlack(userId));
        // Unknown users are not cached: a profile e-mail may be added later.
        if (user.identified()) cache.put(userId, user);
        return user;
    }

    /**
     * What this user may read: the person behind the e-mail with all their identities; a Slack user the
     * other sources do not know reads as their Slack id and e-mail; no e-mail at all reads as the workspace.
     */
    public Viewer viewerOf(SlackUser user) {
        if (!user.identified()) return Viewer.workspace();
        if (people.knows(user.email())) return Viewer.person(user.email(), people);
        Set<String> ids = new LinkedHashSet<>(Set.of(user.email(), "slack:" + user.id()));
        return Viewer.reader(user.email(), ids);
    }

    private Optional<SlackUser> fromStore(String userId) {
        return store.find("slack:" + userId).filter(p -> p.email() != null && !p.email().isBlank())
                .map(p -> new SlackUser(userId, p.email().toLowerCase(Locale.ROOT), p.timeZone()));
    }

    private SlackUser fromSlack(String userId) {
        try {
            JsonNode user = slack.usersInfo(userId).path("user");
            String email = user.path("profile").path("email").asText("");
            String tz = user.path("tz").asText("");
            return new SlackUser(userId, email.isBlank() ? null : email.toLowerCase(Locale.ROOT), tz.isBlank() ? null : tz);
        } catch (RuntimeException e) {
            log.warn("could not look up Slack user {}: {}", userId, e.getMessage());
            return new SlackUser(userId, null, null);
        }
    }

    /** A person's Slack identity (user id and time zone) by e-mail: the store first, then {@code users.lookupByEmail}. */
    public Optional<SlackUser> byEmail(String email) {
        String e = email.trim().toLowerCase(Locale.ROOT);
        Optional<PersonIdentity> known = store.byEmail(e).stream().filter(p -> p.source().equals("slack")).findFirst();
        if (known.isPresent() && known.get().timeZone() != null) {
            return Optional.of(new SlackUser(known.get().handle(), e, known.get().timeZone()));
        }
        try {
            JsonNode user = slack.lookupByEmail(e).path("user");
            String tz = user.path("tz").asText("");
            return Optional.of(new SlackUser(user.path("id").asText(), e, tz.isBlank() ? null : tz));
        } catch (RuntimeException ex) {
            log.warn("could not find {} in Slack: {}", e, ex.getMessage());
            return Optional.empty();
        }
    }
}
