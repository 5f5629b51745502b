package dev.nightjar.skills.radar;

import dev.nightjar.model.DocumentKind;
import dev.nightjar.model.DocumentState;

import dev.nightjar.store.RadarStore;
import dev.nightjar.model.RadarMatch;

import dev.nightjar.Workspace;
import dev.nightjar.index.vectors.Embedder;
import dev.nightjar.index.vectors.MiniLmEmbedder;
import dev.nightjar.store.StoredDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The research radar's nightly pass: each arXiv paper not yet judged (or changed since) is matched
 * against the active Linear initiatives and projects and the current canonical PRDs, and its matches
 * are stored for briefs and {@code ask} to read. Targets are embedded once per pass; a pass with no new
 * paper loads no model.
 */
public final class Radar {

    private static final Logger log = LoggerFactory.getLogger(Radar.class);
    private static final Embedder SHARED = new MiniLmEmbedder();

    private final Workspace ws;
    private final Supplier<Embedder> embedder;

    public Radar(Workspace ws, Supplier<Embedder> embedder) {
        this.ws = ws;
        this.embedder = embedder;
    }

    /** The nightly step: judges new and changed papers with the in-process MiniLM embedder. */
    public static int refresh(Workspace ws) {
        try {
            return new Radar(ws, () -> SHARED).refresh();
        } catch (RuntimeException e) {
            // the radar is an extra: the team's own sources and briefs must not fail for it
            log.warn("radar: papers not matched this run: {}", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            return 0;
        }
    }

    /** @return how many papers were judged */
    public int refresh() {
        RadarStore store = new RadarStore(ws.database());
        Map<String, String> judged = store.judged();
        List<StoredDocument> papers = ws.documents().queries().ofKinds(List.of(DocumentKind.ARXIV_PAPER));
        List<StoredDocument> fresh = papers.stream().filter(p -> !p.contentHash().equals(judged.get(p.id()))).toList();
        if (fresh.isEmpty()) return 0;
        PaperMatcher matcher = new PaperMatcher(embedder.get());
        List<Target> targets = matcher.targets(targets(ws));
        int matched = 0;
        for (StoredDocument paper : fresh) {
            List<RadarMatch> matches = matcher.match(paper, targets, ws.clock().instant());
            store.replace(paper.id(), paper.contentHash(), matches, ws.clock().instant());
            matched += matches.size();
        }
        log.info("radar: {} new or changed papers judged against {} projects and PRDs, {} matches", fresh.size(), targets.size(), matched);
        return fresh.size();
    }

    /** Active initiatives and projects (not done or canceled), and canonical PRDs that are neither stale nor superseded. */
    static List<StoredDocument> targets(Workspace ws) {
        List<StoredDocument> out = new ArrayList<>();
        for (StoredDocument d : ws.documents().queries().ofKinds(List.of(DocumentKind.LINEAR_PROJECT, DocumentKind.LINEAR_INITIATIVE))) {
            if (!DocumentState.of(d.document()).isFinished()) out.add(d);
        }
        for (StoredDocument d : ws.documents().queries().currentCanonical()) {
            if (!d.stale() && !d.document().id().source().equals("linear")) out.add(d);
        }
        return out;
    }
}
