package dev.nightjar.connectors.arxiv;

import dev.nightjar.model.PropertyKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightjar.connectors.MalformedRecordException;
import dev.nightjar.connectors.Normalizer;
import dev.nightjar.connectors.SourceRecord;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import dev.nightjar.model.Normalized;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Atom entry → one {@code arxiv:paper:<id>} document (id without its version, so v2 replaces v1 as
 * a new version of the same document). Papers are external references: the authors are kept as a
 * property, never as participants or people of the team, and no project is assigned here (the radar
 * maps papers to projects by meaning, see {@code skills/radar}).
 */
public final class ArxivNormalizer implements Normalizer {

    public static final String KIND = "paper";
    /** {@code http://arxiv.org/abs/2411.01234v2} or an old-style {@code .../abs/cs/0112017v1}. */
    private static final Pattern ABS_ID = Pattern.compile("/abs/(.+?)(v(\\d+))?$");

    @Override
    public Normalized normalize(SourceRecord record) {
        JsonNode e = record.json();
        String idUrl = e.path("id").asText("");
        Matcher m = ABS_ID.matcher(idUrl);
        if (!m.find()) throw new MalformedRecordException("arxiv: entry without an arXiv abs id: " + idUrl);
        String key = m.group(1);
        String title = e.path("title").asText("");
        if (title.isBlank()) throw new MalformedRecordException("arxiv: paper " + key + " has no title");

        Map<String, String> properties = new LinkedHashMap<>();
        List<String> authors = new ArrayList<>();
        e.path("authors").forEach(a -> authors.add(a.asText()));
        if (!authors.isEmpty()) properties.put(PropertyKey.AUTHORS.key(), String.join(", ", authors));
        if (m.group(3) != null) properties.put("version", m.group(3));
        putIf(properties, "primary_category", e.path("primary_category").asText(null));
        putIf(properties, "doi", e.path("doi").asText(null));
        putIf(properties, "comment", e.path("comment").asText(null));
        putIf(properties, "journal_ref", e.path("journal_ref").asText(null));
        String page = null;
        for (JsonNode link : e.path("links")) {
            String rel = link.path("rel").asText("");
            if ("alternate".equals(rel) && page == null) page = link.path("href").asText(null);
            if ("pdf".equals(link.path("title").asText("")) || "application/pdf".equals(link.path("type").asText(""))) {
                putIf(properties, "pdf", link.path("href").asText(null));
            }
        }
        List<String> labels = new ArrayList<>();
        e.path("categories").forEach(c -> { if (!c.asText().isBlank()) labels.add(c.asText()); });

        Document doc = Document.builder(DocumentId.of(ArxivClient.SOURCE, KIND, key))
                .url(page != null && !page.isBlank() ? page : idUrl)
                .title(title)
                .body(e.path("summary").asText(""))
                .createdAt(ArxivTime.parse(e.path("published").asText(null)))
                .updatedAt(ArxivTime.parse(e.path("updated").asText(null)))
                .labels(labels)
                .properties(properties)
                .rawJson(e.toString())
                .build();
        return Normalized.of(doc, List.of());
    }

    private static void putIf(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) map.put(key, value);
    }
}
