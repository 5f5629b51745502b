package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.links.IssueKeyLinks;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.model.Normalized;
import dev.nightjar.model.PersonIdentity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Notion pages and data-source rows → {@code notion:page:<uuid>} documents; users → people.
 * Row properties are kept as text under their own names ({@code Status} → {@code Approved}) so truth
 * rules can match them, with {@code data_source} / {@code data_source_id} naming where the row lives.
 */
public final class NotionNormalizer implements Normalizer {

    static final String SOURCE = NotionClient.SOURCE;
    private static final Pattern LINEAR_ISSUE_URL =
            Pattern.compile("https?://linear\\.app/[^/\\s]+/issue/([A-Z][A-Z0-9]{0,9}-\\d{1,7})(?![0-9])[^\\s)\\]>\"']*");
    private static final Pattern LINEAR_PROJECT_URL =
            Pattern.compile("https?://linear\\.app/[^/\\s]+/project/[A-Za-z0-9-]+[^\\s)\\]>\"']*");
    private static final Set<String> LABEL_PROPERTIES = Set.of("tags", "labels", "label", "tag");

    @Override
    public Normalized normalize(SourceRecord record) {
        return switch (record.stream()) {
            case UsersStream.NAME -> user(record.json());
            case PagesStream.NAME, RowsStream.NAME -> page(record.json());
            default -> throw new MalformedRecordException("notion: unknown stream " + record.stream());
        };
    }

    private Normalized user(JsonNode user) {
        String id = NotionJson.text(user.path("id"));
        if (id == null) throw new MalformedRecordException("notion: user without id");
        String email = NotionJson.text(user.path("person").path("email"));
        return new Normalized(List.of(), List.of(),
                List.of(new PersonIdentity(SOURCE, id, email, NotionJson.text(user.path("name")), null)), List.of());
    }

    private Normalized page(JsonNode page) {
        String uuid = NotionJson.text(page.path("id"));
        if (uuid == null) throw new MalformedRecordException("notion: page without id");
        DocumentId id = DocumentId.of(SOURCE, "page", uuid);
        if (NotionJson.isDeleted(page)) return new Normalized(List.of(), List.of(), List.of(), List.of(id));

        Map<String, String> properties = new LinkedHashMap<>();
        String title = "";
        String state = null;
        String fallbackState = null;
        List<String> labels = new ArrayList<>();
        Set<String> participants = new LinkedHashSet<>();
        Map<String, PersonIdentity> people = new LinkedHashMap<>();
        Map<String, Link> links = new LinkedHashMap<>();

        String lastEditor = NotionJson.text(page.path("last_edited_by").path("id"));
        if (lastEditor != null) participants.add(SOURCE + ":" + lastEditor);
        String creator = NotionJson.text(page.path("created_by").path("id"));
        see(people, page.path("created_by"));
        see(people, page.path("last_edited_by"));

        var fields = page.path("properties").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            String name = entry.getKey();
            JsonNode property = entry.getValue();
            String type = property.path("type").asText("");
            String text = PropertyText.of(property);
            if (type.equals("title")) {
                title = text == null ? "" : text;
            }
            if (text != null) properties.put(name, text);
            // A property named Status wins; otherwise the first property of Notion's status type.
            if (name.equalsIgnoreCase("status") && (type.equals("status") || type.equals("select")) && text != null) {
                state = stateOf(text);
            } else if (type.equals("status") && text != null && fallbackState == null) {
                fallbackState = stateOf(text);
            }
            if (type.equals("multi_select") && LABEL_PROPERTIES.contains(name.toLowerCase(Locale.ROOT))) {
                for (JsonNode option : property.path("multi_select")) {
                    String label = NotionJson.text(option.path("name"));
                    if (label != null) labels.add(label);
                }
            }
            if (type.equals("people")) {
                for (JsonNode user : property.path("people")) {
                    String userId = NotionJson.text(user.path("id"));
                    if (userId == null) continue;
                    participants.add(SOURCE + ":" + userId);
                    see(people, user);
                    put(links, Link.toPerson(id, LinkType.MENTIONS, SOURCE + ":" + userId));
                }
            }
            if (type.equals("relation")) {
                for (JsonNode related : property.path("relation")) {
                    String relatedId = NotionJson.text(related.path("id"));
                    if (relatedId != null) put(links, Link.toDocument(id, LinkType.RELATED, DocumentId.of(SOURCE, "page", relatedId)));
                }
            }
        }
        if (state == null) state = fallbackState;
        JsonNode dataSource = page.path(RowsStream.DATA_SOURCE);
        if (dataSource.isObject()) {
            String dsTitle = NotionJson.text(dataSource.path("title"));
            if (dsTitle != null) properties.put("data_source", dsTitle);
            String dsId = NotionJson.text(dataSource.path("id"));
            if (dsId != null) properties.put("data_source_id", dsId);
        } else {
            String parentDs = NotionJson.text(page.path("parent").path("data_source_id"));
            if (parentDs == null) parentDs = NotionJson.text(page.path("parent").path("database_id"));
            if (parentDs != null) properties.put("data_source_id", parentDs);
        }
        String parentPage = NotionJson.text(page.path("parent").path("page_id"));
        if (parentPage != null) put(links, Link.toDocument(id, LinkType.PART_OF, DocumentId.of(SOURCE, "page", parentPage)));

        BlockRenderer renderer = new BlockRenderer();
        JsonNode blocks = page.path(BlockReader.CHILDREN);
        if (blocks.isArray()) renderer.render(blocks, 0);
        String body = renderer.text();

        List<String> texts = new ArrayList<>(List.of(title, body));
        texts.addAll(properties.values());
        texts.addAll(renderer.hrefs());
        for (String text : texts) linearUrls(id, text, links);
        for (Link link : IssueKeyLinks.links(id, texts.toArray(String[]::new))) {
            Link existing = links.get(link.to());
            if (existing == null || link.type() == LinkType.CLOSES) links.put(link.to(), link);
        }

        String url = NotionJson.text(page.path("url"));
        if (url == null) url = "https://www.notion.so/" + uuid.replace("-", "");
        Document document = Document.builder(id)
                .url(url)
                .title(title)
                .body(body)
                .author(creator == null ? null : SOURCE + ":" + creator)
                .participants(List.copyOf(participants))
                .createdAt(NotionJson.instant(page.path("created_time").asText(null)))
                .updatedAt(NotionJson.instant(page.path("last_edited_time").asText(null)))
                .state(state)
                .labels(labels)
                .properties(properties)
                .rawJson(page.toString())
                .editedBy(lastEditor == null ? null : SOURCE + ":" + lastEditor)
                .build();
        return new Normalized(List.of(document), List.copyOf(links.values()), List.copyOf(people.values()), List.of());
    }

    /** {@code In progress} → {@code in_progress}; {@code Approved} → {@code approved}. */
    static String stateOf(String status) {
        return status.trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    /**
     * Linear issue URLs become links to the issue. A project URL's slug-id is not the project's API id,
     * so it is kept as a {@code url:} reference the linker can resolve against Linear project URLs.
     */
    private static void linearUrls(DocumentId from, String text, Map<String, Link> links) {
        if (text == null || !text.contains("linear.app/")) return;
        Matcher issue = LINEAR_ISSUE_URL.matcher(text);
        while (issue.find()) {
            put(links, Link.toDocument(from, LinkType.REFERENCES, DocumentId.of("linear", "issue", issue.group(1))));
        }
        Matcher project = LINEAR_PROJECT_URL.matcher(text);
        while (project.find()) {
            put(links, new Link(from, LinkType.REFERENCES, "url:" + trimPunctuation(project.group())));
        }
    }

    private static String trimPunctuation(String url) {
        return url.replaceAll("[.,;:!?]+$", "");
    }

    private static void put(Map<String, Link> links, Link link) {
        links.putIfAbsent(link.to(), link);
    }

    /** A user object with a name or e-mail (people properties, full user objects) is worth a PersonIdentity. */
    private static void see(Map<String, PersonIdentity> people, JsonNode user) {
        String userId = NotionJson.text(user.path("id"));
        if (userId == null) return;
        String name = NotionJson.text(user.path("name"));
        String email = NotionJson.text(user.path("person").path("email"));
        if (name == null && email == null) return;
        people.putIfAbsent(userId, new PersonIdentity(SOURCE, userId, email, name, null));
    }
}
