package dev.nightjar.store;

import dev.nightjar.model.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/** A short human summary of what changed between two versions ("state: open -> done; body"). */
final class Changes {
    private Changes() {
    }

    static String between(Document before, Document after) {
        List<String> parts = new ArrayList<>();
        if (!Objects.equals(before.state(), after.state())) parts.add("state: " + before.state() + " -> " + after.state());
        if (!Objects.equals(before.title(), after.title())) parts.add("title");
        if (!Objects.equals(before.body(), after.body())) parts.add("body");
        if (!Objects.equals(before.author(), after.author())) parts.add("author");
        if (!Objects.equals(before.url(), after.url())) parts.add("url");
        if (!before.labels().equals(after.labels())) parts.add("labels");
        if (!before.projects().equals(after.projects())) parts.add("projects");
        if (!before.participants().equals(after.participants())) parts.add("participants");
        if (!before.acl().equals(after.acl())) parts.add("access");
        TreeSet<String> keys = new TreeSet<>(before.properties().keySet());
        keys.addAll(after.properties().keySet());
        for (String k : keys) {
            String a = before.properties().get(k), b = after.properties().get(k);
            if (!Objects.equals(a, b)) parts.add(k + ": " + a + " -> " + b);
        }
        if (!before.metrics().equals(after.metrics())) parts.add("metrics");
        return parts.isEmpty() ? "unchanged content" : String.join("; ", parts);
    }
}
