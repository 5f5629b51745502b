package dev.nightjar.skills.brief;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.config.ConfigException;
import dev.nightjar.model.Link;
import dev.nightjar.model.LinkType;
import dev.nightjar.skills.Corpus;
import dev.nightjar.skills.Viewer;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.StoredDocument;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a brief is for and what is "theirs": the people's identities (all sources), the Linear issues
 * assigned to them (or the team's issues), and the projects those belong to. A person's brief reads
 * as that person; a team brief is posted to a channel, so it reads only what the whole workspace may see.
 */
public record Audience(String label, Viewer viewer, Set<String> identities, Set<String> issues, Set<String> projects) {

    public boolean personal() {
        return viewer.email() != null;
    }

    /** {@code all} must read as {@code viewer}. */
    public static Audience person(Viewer viewer, Corpus all) {
        Set<String> ids = viewer.accounts(); // their work includes accounts joined by name
        Set<String> issues = new LinkedHashSet<>();
        Set<String> projects = new LinkedHashSet<>();
        for (Link l : all.linksTo(ids.stream().map(i -> "person:" + i).toList(), LinkType.ASSIGNED_TO)) {
            String from = l.from().toString();
            if (DocumentKind.LINEAR_ISSUE.is(from)) issues.add(from);
            if (DocumentKind.LINEAR_PROJECT.is(from) || DocumentKind.LINEAR_INITIATIVE.is(from)) projects.add(from);
        }
        for (StoredDocument d : all.findAll(issues)) d.document().projects().stream().filter(p -> DocumentKind.LINEAR_PROJECT.is(p)).forEach(projects::add);
        return new Audience(viewer.email(), viewer, ids, issues, projects);
    }

    public static Audience team(String key, PeopleDirectory people, Corpus all) {
        String team = DocumentKind.LINEAR_TEAM.prefix() + key.trim().toUpperCase(java.util.Locale.ROOT);
        Set<String> ids = new LinkedHashSet<>();
        for (Link l : all.linksFrom(List.of(team), LinkType.MENTIONS)) {
            String identity = l.to().substring("person:".length());
            ids.add(identity);
            people.emailOf(identity).ifPresent(e -> ids.addAll(people.identitiesOf(e)));
        }
        List<StoredDocument> issues = all.select(q -> q.namingProject(team, List.of(DocumentKind.LINEAR_ISSUE)));
        if (ids.isEmpty() && issues.isEmpty()) {
            throw new ConfigException("unknown team " + key + ": no Linear team with this key has members or issues in the store");
        }
        Set<String> projects = new LinkedHashSet<>(List.of(team));
        Set<String> issueIds = new LinkedHashSet<>();
        for (StoredDocument d : issues) {
            issueIds.add(d.id());
            d.document().projects().stream().filter(p -> DocumentKind.LINEAR_PROJECT.is(p)).forEach(projects::add);
        }
        return new Audience(key.trim().toUpperCase(java.util.Locale.ROOT), Viewer.workspace(), ids, issueIds, projects);
    }
}
