package dev.nightjar.connectors.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a person wrote or shared in one message, as Slack markup (rendered by {@link SlackText}).
 * {@code text} is often not all of it:
 * <ul>
 *   <li>a shared or forwarded message keeps the words in {@code attachments[]} ({@code is_share: true},
 *       {@code text} or {@code fallback}, {@code author_name}), with {@code text} empty or a short
 *       comment ("fyi, see below"); it is quoted here with its original author;</li>
 *   <li>a message posted through blocks only has {@code blocks[]} ({@code rich_text} sections, lists,
 *       quotes, code; {@code section}/{@code header} text) and no {@code text};</li>
 *   <li>a file share may carry nothing but {@code files[]}; the file's title is its content.</li>
 * </ul>
 * Blocks are read only when {@code text} is empty: Slack fills {@code text} with the same words for an
 * ordinary message, and reading both would say everything twice.
 */
final class MessageContent {

    private MessageContent() {
    }

    /** The message's content as markup; empty when it has none. */
    static String markup(JsonNode message) {
        List<String> parts = new ArrayList<>();
        String text = message.path("text").asText("").strip();
        if (text.isEmpty()) text = blocks(message.path("blocks")).strip();
        String files = files(message);
        String own = text.isEmpty() ? files : files.isEmpty() ? text : text + " " + files;
        if (!own.isEmpty()) parts.add(own);
        for (JsonNode attachment : message.path("attachments")) {
            String shared = attachment(attachment);
            if (!shared.isEmpty()) parts.add(shared);
        }
        return String.join("\n", parts);
    }

    /** Users a message names outside its {@code text}: shared messages' authors and block mentions. */
    static Set<String> userIds(JsonNode message) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode a : message.path("attachments")) {
            String author = a.path("author_id").asText("");
            if (!author.isEmpty()) ids.add(author);
        }
        collectUsers(message.path("blocks"), ids);
        for (JsonNode a : message.path("attachments")) collectUsers(a.path("message_blocks"), ids);
        return ids;
    }

    private static void collectUsers(JsonNode node, Set<String> ids) {
        if (node.isObject()) {
            if ("user".equals(node.path("type").asText()) && node.path("user_id").isTextual()) ids.add(node.path("user_id").asText());
            node.forEach(child -> collectUsers(child, ids));
        } else if (node.isArray()) {
            node.forEach(child -> collectUsers(child, ids));
        }
    }

    /**
     * A shared message becomes {@code > Author: words} (quoted, so it reads as someone else's); another
     * attachment (a link unfurl, a legacy attachment) contributes its pretext, title and text.
     */
    private static String attachment(JsonNode a) {
        String words = a.path("text").asText("").strip();
        if (words.isEmpty()) words = blocks(a.path("message_blocks")).strip();
        if (words.isEmpty()) words = a.path("fallback").asText("").strip();
        if (a.path("is_share").asBoolean(false) || a.has("author_id") && a.path("is_msg_unfurl").asBoolean(false)) {
            if (words.isEmpty()) return "";
            String author = a.path("author_name").asText("").strip();
            if (author.isEmpty() && a.path("author_id").isTextual()) author = "<@" + a.path("author_id").asText() + ">";
            String quoted = String.join("\n> ", words.split("\n"));
            return "> " + (author.isEmpty() ? "" : author + ": ") + quoted;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("pretext", "title")) {
            String v = a.path(field).asText("").strip();
            if (!v.isEmpty()) parts.add(v);
        }
        if (!a.path("text").asText("").isBlank()) parts.add(a.path("text").asText().strip());
        return String.join("\n", parts);
    }

    private static String files(JsonNode message) {
        List<String> names = new ArrayList<>();
        for (JsonNode f : message.path("files")) {
            String name = f.path("title").asText(f.path("name").asText(""));
            if (!name.isBlank()) names.add("[file: " + name + "]");
        }
        return String.join(" ", names);
    }

    /** Block Kit → markup: rich text (sections, lists, quotes, code), section, header and context text. */
    static String blocks(JsonNode blocks) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode block : blocks) {
            switch (block.path("type").asText("")) {
                case "rich_text" -> {
                    for (JsonNode element : block.path("elements")) richElement(element, sb, 0);
                }
                case "section", "header" -> {
                    line(sb, block.path("text").path("text").asText(""));
                    for (JsonNode field : block.path("fields")) line(sb, field.path("text").asText(""));
                }
                case "context" -> {
                    for (JsonNode e : block.path("elements")) line(sb, e.path("text").asText(""));
                }
                default -> { }
            }
        }
        return sb.toString();
    }

    private static void richElement(JsonNode element, StringBuilder sb, int depth) {
        switch (element.path("type").asText("")) {
            case "rich_text_section" -> line(sb, inline(element.path("elements")));
            case "rich_text_quote" -> line(sb, "> " + inline(element.path("elements")));
            case "rich_text_preformatted" -> line(sb, "```\n" + inline(element.path("elements")) + "\n```");
            case "rich_text_list" -> {
                String indent = "  ".repeat(Math.max(0, element.path("indent").asInt(0)));
                boolean ordered = "ordered".equals(element.path("style").asText());
                int n = 0;
                for (JsonNode item : element.path("elements")) {
                    n++;
                    line(sb, indent + (ordered ? n + ". " : "- ") + inline(item.path("elements")));
                }
            }
            default -> { }
        }
    }

    /** Inline rich-text elements as Slack markup, so mentions and links render like those in {@code text}. */
    private static String inline(JsonNode elements) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : elements) {
            switch (e.path("type").asText("")) {
                case "text" -> sb.append(escape(e.path("text").asText("")));
                case "user" -> sb.append("<@").append(e.path("user_id").asText()).append('>');
                case "channel" -> sb.append("<#").append(e.path("channel_id").asText()).append('>');
                case "usergroup" -> sb.append("<!subteam^").append(e.path("usergroup_id").asText()).append('>');
                case "broadcast" -> sb.append("<!").append(e.path("range").asText("here")).append('>');
                case "emoji" -> sb.append(':').append(e.path("name").asText()).append(':');
                case "link" -> {
                    String url = e.path("url").asText("");
                    String label = e.path("text").asText("");
                    sb.append('<').append(url).append(label.isEmpty() ? "" : "|" + escape(label)).append('>');
                }
                case "date" -> sb.append(escape(e.path("fallback").asText("")));
                default -> { }
            }
        }
        return sb.toString();
    }

    /** Rich text holds raw characters; markup escapes them, and {@link SlackText} unescapes. */
    private static String escape(String raw) {
        return raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void line(StringBuilder sb, String text) {
        if (text == null || text.isBlank()) return;
        if (!sb.isEmpty()) sb.append('\n');
        sb.append(text.strip());
    }
}
