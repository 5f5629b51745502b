package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Pages, rows, blocks and data sources made from the recorded objects, changing only ids, texts and times. */
final class NotionFixtures {

    static final String CREATOR = "a4f789cc-7bc8-4cf0-82b9-a8ba7d985ecf";
    static final String EDITOR = "7775f3a3-893f-43fa-b625-460c61094c78";

    private static final JsonNode SEARCH = FakeNotion.resource("search.paginated.json");
    private static final JsonNode BLOCKS = FakeNotion.resource("blocks_children.paginated.json");
    private static final JsonNode DATA_SOURCES = FakeNotion.resource("data_sources.query.json");

    private NotionFixtures() {
    }

    static String uuid(String prefix, int n) {
        return String.format("%s-0000-4000-8000-%012d", prefix, n);
    }

    static ArrayNode richText(String text) {
        // The recorded title property of a created page carries the full rich-text object.
        ObjectNode part = BLOCKS.at("/interactions/0/response/body/properties/title/title/0").deepCopy();
        ((ObjectNode) part.path("text")).put("content", text);
        part.put("plain_text", text);
        ArrayNode array = FakeNotion.JSON.createArrayNode();
        array.add(part);
        return array;
    }

    /** A workspace-level page shaped like the recorded search result. */
    static ObjectNode page(String id, String title, Instant edited) {
        ObjectNode page = SEARCH.at("/interactions/0/response/body/results/0").deepCopy();
        page.put("id", id);
        page.put("created_time", edited.minusSeconds(86_400).toString());
        page.put("last_edited_time", edited.toString());
        ((ObjectNode) page.at("/properties/title")).set("title", richText(title));
        page.put("url", "https://app.notion.com/p/" + id.replace("-", ""));
        return page;
    }

    /** A data-source row (2025-09-03 parent) with the typed properties a PRD database has. */
    static ObjectNode row(String id, String title, String status, String dataSourceId, Instant edited) {
        ObjectNode row = page(id, title, edited);
        row.putObject("parent").put("type", "data_source_id").put("data_source_id", dataSourceId)
                .put("database_id", "daf41515-aa5f-4d14-97a8-9193425ec491");
        ObjectNode props = row.putObject("properties");
        props.putObject("Name").put("id", "title").put("type", "title").set("title", richText(title));
        ObjectNode st = props.putObject("Status").put("id", "Zq%3Fj").put("type", "status");
        st.putObject("status").put("id", "f6e2b1a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b").put("name", status).put("color", "green");
        // multi_select exactly as in the 2022-06-28 database_query recording
        props.set("Tags", FakeNotion.resource("database_query.2022-06-28.json").at("/results/0/properties/Column 1"));
        ObjectNode owner = props.putObject("Owner").put("id", "o%5DST").put("type", "people");
        ObjectNode person = owner.putArray("people").addObject().put("object", "user").put("id", CREATOR)
                .put("name", "Guillaume Gelin").put("type", "person");
        person.putObject("person").put("email", "notion@ramnes.eu");
        props.putObject("Due").put("id", "d1").put("type", "date").putObject("date")
                .put("start", "2026-08-01").putNull("end").putNull("time_zone");
        props.putObject("Legal OK").put("id", "c1").put("type", "checkbox").put("checkbox", true);
        props.putObject("Estimate").put("id", "n1").put("type", "number").put("number", 5.0);
        props.putObject("Spec").put("id", "u1").put("type", "url").put("url", "https://linear.app/acme/issue/ASR-117/checkout-retry");
        props.putObject("Related").put("id", "r1").put("type", "relation").put("has_more", false)
                .putArray("relation").addObject().put("id", "393abc1e-edcd-80f3-813b-e205934558c6");
        return row;
    }

    /** A data source object as recorded by POST /v1/data_sources. */
    static ObjectNode dataSource(String id, String title) {
        ObjectNode ds = DATA_SOURCES.at("/interactions/2/response/body").deepCopy();
        ds.put("id", id);
        ds.set("title", richText(title));
        ds.remove("request_id");
        return ds;
    }

    /** A paragraph block as recorded by GET /v1/blocks/{id}/children. */
    static ObjectNode paragraph(String id, String parentPageId, String text) {
        ObjectNode block = BLOCKS.at("/interactions/2/response/body/results/0").deepCopy();
        block.put("id", id);
        ((ObjectNode) block.path("parent")).put("page_id", parentPageId);
        ((ObjectNode) block.path("paragraph")).set("rich_text", richText(text));
        return block;
    }

    static List<ObjectNode> users() {
        List<ObjectNode> users = new ArrayList<>();
        for (JsonNode u : FakeNotion.resource("users.list.json").at("/interactions/0/response/body/results")) {
            users.add((ObjectNode) u);
        }
        return users;
    }

    /** Registers {@code nested_blocks.json} under {@code pageId}: each block's {@code _kids} become its children. */
    static void nestedBlocks(FakeNotion notion, String pageId) {
        register(notion, pageId, FakeNotion.resource("nested_blocks.json").path("blocks"));
    }

    private static void register(FakeNotion notion, String parentId, JsonNode blocks) {
        List<ObjectNode> list = new ArrayList<>();
        for (JsonNode b : blocks) {
            ObjectNode copy = b.deepCopy();
            JsonNode kids = copy.remove("_kids");
            if (kids != null && !kids.isEmpty()) register(notion, copy.path("id").asText(), kids);
            list.add(copy);
        }
        notion.children.put(parentId, list);
    }
}
