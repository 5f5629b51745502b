package dev.nightjar.testing;

import dev.nightjar.model.Acl;
import dev.nightjar.model.Document;
import dev.nightjar.model.DocumentId;
import java.time.Instant;
import java.util.Map;

/** Small builders for documents in tests. */
public final class TestDocs {
    private TestDocs() {
    }

    public static Document doc(String id, String title, String body, Instant updated) {
        DocumentId docId = DocumentId.parse(id);
        return Document.builder(docId).url("https://example.test/" + docId.source() + "/" + docId.kind() + "/" + docId.key().replace('#', '-'))
                .title(title).body(body).createdAt(updated).updatedAt(updated).build();
    }

    public static Document withProperties(Document d, Map<String, String> properties) {
        return d.toBuilder().properties(properties).build();
    }

    public static Document privateTo(Document d, String... principals) {
        return d.toBuilder().acl(Acl.members(java.util.List.of(principals))).build();
    }
}
