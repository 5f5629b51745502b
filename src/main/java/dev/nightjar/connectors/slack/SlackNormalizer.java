package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack records → documents and people. A thread record (see {@link ChannelMessagesStream}) becomes
 * one {@code slack:thread:<channel id>/<root ts>} document whose body is the conversation as read
 * ("Name: text" per message, mentions shown as {@code @Name}); a {@code users} record becomes a
 * {@link PersonIdentity}. Pure: everything it needs travels in the record.
 */
final class SlackNormalizer implements Normalizer {

    static final String SOURCE = SlackClient.SOURCE;
    private static final Pattern GITHUB_PR = Pattern.compile(
            "https://github\\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+)/pull/(\\d+)");
    private static final int TITLE_MAX = 120;

    @Override
    public Normalized normalize(SourceRecord record) {
        if (UsersStream.NAME.equals(record.stream())) return user(record.json());
        if (record.stream() != null && record.stream().startsWith("messages:")) return thread(record.json());
        throw new MalformedRecordException("slack: record of unknown stream '" + record.stream() + "'");
    }

    // ---- users ----------------------------------------------------------------------------

    private static Normalized user(JsonNode member) {
        String id = member.path("id").asText("");
        if (id.isEmpty()) throw new MalformedRecordException("slack: users.list member without an id");
        // Bots and Slackbot are not people; deleted users are kept (their old messages still cite them).
        if (member.path("is_bot").asBoolean(false) || "USLACKBOT".equals(id)) return Normalized.empty();
        return new Normalized(List.of(), List.of(), List.of(person(member)), List.of());
    }

    static PersonIdentity person(JsonNode user) {
        String email = user.path("profile").path("email").asText("");
        String tz = user.path("tz").asText("");
        return new PersonIdentity(SOURCE, user.path("id").asText(), email.isBlank() ? null : email,
                displayName(user), tz.isBlank() ? null : tz);
    }

    private static String displayName(JsonNode user) {
        for (String name : new String[]{user.path("profile").path("real_name").asText(""), user.path("real_name").asText(""),
                user.path("profile").path("display_name").asText(""), user.path("name").asText("")}) {
            if (!name.isBlank()) return name;
        }
        return user.path("id").asText();
    }

    // ---- threads --------------------------------------------------------------------------

    private static Normalized thread(JsonNode record) {
        JsonNode channel = record.path("channel");
        String channelId = channel.path("id").asText("");
        String channelName = channel.path("name").asText(channelId);
        JsonNode messages = record.path("messages");
        if (channelId.isEmpty() || !messages.isArray() || messages.isEmpty()) {
            throw new MalformedRecordException("slack: thread record without channel or messages");
        }
        JsonNode root = messages.get(0);
        String rootTs = root.path("ts").asText("");
        if (!Ts.valid(rootTs)) throw new MalformedRecordException("slack: message in " + channelId + " without a valid ts");
        DocumentId id = DocumentId.of(SOURCE, "thread", channelId + "/" + rootTs);

        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode m : messages) if (!MessageFilter.isNoise(m) && Ts.valid(m.path("ts").asText(null))) kept.add(m);
        if (kept.isEmpty()) {
            // Nothing human left: a deleted root without replies is gone from Slack, the rest is noise.
            return "tombstone".equals(root.path("subtype").asText(""))
                    ? new Normalized(List.of(), List.of(), List.of(), List.of(id)) : Normalized.empty();
        }

        JsonNode users = record.path("users");
        Set<String> mentions = new LinkedHashSet<>();
        Set<String> participants = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        Instant updated = Ts.instant(rootTs);
        String editedBy = null;
        for (JsonNode m : kept) {
            String user = m.path("user").asText();
            participants.add(SOURCE + ":" + user);
            SlackText.Rendered rendered = SlackText.render(MessageFilter.text(m),
                    uid -> users.has(uid) ? displayName(users.get(uid)) : null);
            mentions.addAll(rendered.mentions());
            String text = rendered.text();
            texts.add(text);
            if (!body.isEmpty()) body.append("\n\n");
            body.append(users.has(user) ? displayName(users.get(user)) : user).append(": ").append(text);
            // the thread's time is its newest message or edit, never the sync; whoever wrote that made this version
            Instant written = Ts.instant(m.path("ts").asText());
            String editedTs = m.path("edited").path("ts").asText(null);
            if (Ts.valid(editedTs)) written = max(written, Ts.instant(editedTs));
            if (!written.isBefore(updated)) editedBy = SOURCE + ":" + user;
            updated = max(updated, written);
        }

        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("channel", channelName);
        properties.put("channel_id", channelId);
        properties.put("thread_ts", rootTs);
        int replyCount = root.path("reply_count").asInt(messages.size() - 1);
        properties.put("reply_count", String.valueOf(replyCount));
        properties.put("latest_reply", root.path("latest_reply").asText(messages.get(messages.size() - 1).path("ts").asText(rootTs)));
        if (channel.path("scratchpad").asBoolean(false)) properties.put("scratchpad", "true");

        Document document = Document.builder(id)
                .url(permalink(record.path("workspace_url").asText(""), channelId, rootTs))
                .title(title(channelName, texts.get(0)))
                .body(body.toString())
                .author(SOURCE + ":" + kept.get(0).path("user").asText())
                .participants(List.copyOf(participants))
                .createdAt(Ts.instant(rootTs))
                .updatedAt(updated)
                .properties(properties)
                .metrics(Map.of("replies", (double) replyCount, "participants", (double) participants.size()))
                .acl(acl(record, channelId))
                .rawJson(messages.toString())
                .editedBy(editedBy)
                .build();

        List<Link> links = new ArrayList<>();
        for (String user : mentions) links.add(Link.toPerson(id, LinkType.MENTIONS, SOURCE + ":" + user));
        links.addAll(IssueKeyLinks.links(id, texts.toArray(String[]::new)));
        links.addAll(githubLinks(id, texts));

        List<PersonIdentity> people = new ArrayList<>();
        users.fields().forEachRemaining(e -> {
            if (!e.getValue().path("is_bot").asBoolean(false)) people.add(person(e.getValue()));
        });
        return new Normalized(List.of(document), links, people, List.of());
    }

    /** A private channel's documents are readable by its members only; a public one by the workspace. */
    private static Acl acl(JsonNode record, String channelId) {
        if (!record.path("channel").path("is_private").asBoolean(false)) return Acl.workspace();
        JsonNode members = record.path("members");
        if (!members.isArray()) {
            // Never fall back to "everyone" for a private channel.
            throw new MalformedRecordException("slack: private channel " + channelId + " record without its members");
        }
        List<String> principals = new ArrayList<>();
        members.forEach(m -> principals.add(SOURCE + ":" + m.asText()));
        return Acl.members(principals);
    }

    /** {@code https://<workspace>.slack.com/archives/<C>/p<ts without the dot>}, Slack's permalink form. */
    static String permalink(String workspaceUrl, String channelId, String ts) {
        String base = workspaceUrl.isBlank() ? "https://slack.com" : workspaceUrl;
        return base + "/archives/" + channelId + "/p" + ts.replace(".", "");
    }

    private static String title(String channelName, String firstText) {
        String line = firstText.strip().lines().findFirst().orElse("").strip();
        if (line.length() > TITLE_MAX) line = line.substring(0, TITLE_MAX - 1).stripTrailing() + "…";
        return "#" + channelName + ": " + (line.isEmpty() ? "(no text)" : line);
    }

    private static List<Link> githubLinks(DocumentId id, List<String> texts) {
        Set<String> seen = new LinkedHashSet<>();
        List<Link> links = new ArrayList<>();
        for (String text : texts) {
            Matcher m = GITHUB_PR.matcher(text);
            while (m.find()) {
                String key = m.group(1) + "/" + m.group(2) + "#" + m.group(3);
                if (seen.add(key)) links.add(Link.toDocument(id, LinkType.REFERENCES, DocumentId.of("github", "pr", key)));
            }
        }
        return links;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
