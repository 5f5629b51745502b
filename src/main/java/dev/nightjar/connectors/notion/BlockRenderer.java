package dev.nightjar.connectors.notion;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Block tree (as read by {@link BlockReader}) → plain Markdown-ish text: headings with {@code #},
 * bullets {@code - }, numbered items, to-dos {@code [ ]}/{@code [x]}, quotes and callouts {@code > },
 * fenced code, table rows as {@code |}-joined cells, dividers. Nested children are indented two spaces.
 * A block type we do not know becomes a short {@code [unsupported: type]} note, never an error.
 * Link targets ({@code href}s) are collected so the normalizer can link Linear URLs hidden behind text.
 */
final class BlockRenderer {

    private static final Set<String> CONTAINERS = Set.of("column_list", "column", "synced_block", "template",
            "transcription", "tab");
    private static final Set<String> SILENT = Set.of("table_of_contents", "breadcrumb");
    private static final Set<String> MEDIA = Set.of("image", "video", "file", "pdf", "audio");

    private final StringBuilder out = new StringBuilder();
    private final Set<String> hrefs = new LinkedHashSet<>();

    String text() {
        return out.toString().strip();
    }

    Set<String> hrefs() {
        return hrefs;
    }

    void render(JsonNode blocks, int depth) {
        int number = 0;
        for (JsonNode block : blocks) {
            String type = block.path("type").asText("");
            number = type.equals("numbered_list_item") ? number + 1 : 0;
            renderBlock(block, type, depth, number);
        }
    }

    private void renderBlock(JsonNode block, String type, int depth, int number) {
        JsonNode data = block.path(type);
        String indent = "  ".repeat(depth);
        int childDepth = depth + 1;
        switch (type) {
            case "paragraph" -> line(indent, rich(data.path("rich_text")));
            case "heading_1" -> line(indent, "# " + rich(data.path("rich_text")));
            case "heading_2" -> line(indent, "## " + rich(data.path("rich_text")));
            case "heading_3" -> line(indent, "### " + rich(data.path("rich_text")));
            case "bulleted_list_item" -> line(indent, "- " + rich(data.path("rich_text")));
            case "numbered_list_item" -> line(indent, number + ". " + rich(data.path("rich_text")));
            case "to_do" -> line(indent, (data.path("checked").asBoolean(false) ? "[x] " : "[ ] ") + rich(data.path("rich_text")));
            case "toggle" -> line(indent, rich(data.path("rich_text")));
            case "quote" -> line(indent, "> " + rich(data.path("rich_text")));
            case "callout" -> {
                String icon = data.path("icon").path("emoji").asText("");
                line(indent, "> " + (icon.isEmpty() ? "" : icon + " ") + rich(data.path("rich_text")));
            }
            case "code" -> {
                line(indent, "```" + data.path("language").asText(""));
                for (String l : rich(data.path("rich_text")).split("\n", -1)) line(indent, l);
                line(indent, "```");
            }
            case "equation" -> line(indent, data.path("expression").asText(""));
            case "divider" -> line(indent, "---");
            case "table" -> childDepth = depth;
            case "table_row" -> {
                List<String> cells = new ArrayList<>();
                for (JsonNode cell : data.path("cells")) cells.add(rich(cell));
                line(indent, "| " + String.join(" | ", cells) + " |");
            }
            case "child_page" -> line(indent, "[page: " + data.path("title").asText("") + "]");
            case "child_database" -> line(indent, "[database: " + data.path("title").asText("") + "]");
            case "bookmark", "embed", "link_preview" -> {
                String url = data.path("url").asText("");
                if (!url.isEmpty()) hrefs.add(url);
                String caption = rich(data.path("caption"));
                line(indent, caption.isEmpty() ? url : caption + " (" + url + ")");
            }
            case "link_to_page" -> line(indent, "[link to page]");
            case BlockReader.TRUNCATED -> line(indent, "[more blocks not read]");
            case BlockReader.UNREADABLE -> line(indent, "[nested blocks the API would not give]");
            // Notion names the real type of a block its API cannot render, e.g. {"block_type": "form"}
            case "unsupported" -> line(indent, "[unsupported: " + data.path("block_type").asText("unknown") + "]");
            default -> {
                if (MEDIA.contains(type)) {
                    String caption = rich(data.path("caption"));
                    line(indent, "[" + type + (caption.isEmpty() ? "" : ": " + caption) + "]");
                } else if (CONTAINERS.contains(type)) {
                    childDepth = depth; // columns and synced blocks only group their children
                } else if (!SILENT.contains(type)) {
                    line(indent, "[unsupported: " + (type.isEmpty() ? "unknown" : type) + "]");
                }
            }
        }
        JsonNode children = block.path(BlockReader.CHILDREN);
        if (children.isArray()) render(children, childDepth);
        else if (block.path(BlockReader.TRUNCATED).asBoolean(false)) line("  ".repeat(childDepth), "[nested blocks not read]");
    }

    private String rich(JsonNode richText) {
        for (JsonNode part : richText) {
            String href = part.path("href").asText(null);
            if (href != null && !href.isBlank()) hrefs.add(href);
        }
        return NotionJson.plain(richText);
    }

    private void line(String indent, String text) {
        out.append(indent).append(text).append('\n');
    }
}
