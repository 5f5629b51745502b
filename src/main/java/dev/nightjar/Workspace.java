package dev.nightjar;

import dev.nightjar.config.Admins;
import dev.nightjar.config.ConfigDir;
import dev.nightjar.config.Environment;
import dev.nightjar.config.PeopleAliases;
import dev.nightjar.feed.ChangeFeed;
import dev.nightjar.feed.FeedCached;
import dev.nightjar.index.DocumentIndex;
import dev.nightjar.index.IndexFollower;
import dev.nightjar.jobs.NightlySettings;
import dev.nightjar.model.DocumentKind;
import dev.nightjar.skills.Skills;
import dev.nightjar.skills.decisions.Decision;
import dev.nightjar.skills.decisions.DecisionLog;
import dev.nightjar.store.CanonicalStore;
import dev.nightjar.store.CursorStore;
import dev.nightjar.store.Database;
import dev.nightjar.store.DocumentStore;
import dev.nightjar.store.PeopleDirectory;
import dev.nightjar.store.PeopleStore;
import dev.nightjar.store.RunStore;
import dev.nightjar.store.StoredDocument;
import dev.nightjar.truth.CanonicalService;
import dev.nightjar.truth.TruthPolicy;
import dev.nightjar.truth.TruthRefresher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The composition root: everything one data directory and one config directory give, wired once per
 * process. The store and its change feed (the index and the decision log follow every commit), the index
 * (opened on first use, since `status` does not need the writer), the configuration read from YAML once
 * and handed down (truth policy, people aliases, admins, nightly settings), and the skills. The CLI builds
 * one per command; `serve` and the job build one per process and hand it to Spring as a single bean.
 */
public final class Workspace implements AutoCloseable {

    private final Path dataDir;
    private final ConfigDir config;
    private final Environment env;
    private final Clock clock;
    private final Database db;
    private final DocumentStore documents;
    private final ChangeFeed feed = new ChangeFeed();
    // what answers read again and again, kept until the change feed moves (see FeedCached)
    private final FeedCached<List<StoredDocument>> planning =
            new FeedCached<>(feed, () -> List.copyOf(documents().queries().ofKinds(DocumentKind.PLANNING)));
    private final FeedCached<Map<String, StoredDocument>> keptDocuments = new FeedCached<>(feed, ConcurrentHashMap::new);
    private final FeedCached<List<Decision>> allDecisions = new FeedCached<>(feed, () -> List.copyOf(decisions().all()));
    /** Only reads: the index is opened without its writer when it is current. */
    private final boolean reading;
    private DocumentIndex index;
    private TruthPolicy truthPolicy;
    private PeopleDirectory people;
    private Admins admins;
    private NightlySettings nightly;
    private Skills skills;

    /** A long-running workspace (serve, sync, demo, tests): the store lets other local Nightjar processes in. */
    public Workspace(Path dataDir, ConfigDir config, Environment env, Clock clock) {
        this(dataDir, config, env, clock, Database.Sharing.SERVER);
    }

    /** @param sharing whether this process serves the store to others or only joins (short commands) */
    public Workspace(Path dataDir, ConfigDir config, Environment env, Clock clock, Database.Sharing sharing) {
        this(dataDir, config, env, clock, sharing, false);
    }

    /**
     * The workspace of a short command that only reads (ask, brief, prep, show): it joins the store and
     * opens the index without its writer when the index already holds every change
     * ({@link DocumentIndex#openForReading}).
     */
    public static Workspace forReading(Path dataDir, ConfigDir config, Environment env, Clock clock) {
        return new Workspace(dataDir, config, env, clock, Database.Sharing.JOIN, true);
    }

    private Workspace(Path dataDir, ConfigDir config, Environment env, Clock clock, Database.Sharing sharing, boolean reading) {
        this.reading = reading;
        // A broken database setting, or an external database that refuses us, is found before the data dir is
        // created: a command that cannot start leaves nothing behind on disk.
        dev.nightjar.store.DatabaseSettings settings = dev.nightjar.store.DatabaseSettings.resolve(env, config);
        Database external = settings.external() ? Database.open(dataDir, settings, sharing) : null;
        try {
            this.dataDir = Database.DataDirs.ensureWritable(dataDir);
        } catch (RuntimeException e) {
            if (external != null) external.close();
            throw e;
        }
        this.config = config;
        this.env = env;
        this.clock = clock;
        this.db = external != null ? external : Database.open(this.dataDir, settings, sharing);
        this.documents = new DocumentStore(db, clock);
        // the derived views follow every committed write: no caller has to remember to catch them up
        feed.follow(new IndexFollower(this::index, documents)).follow(new DecisionLog(db, documents, clock));
        documents.onCommit(feed::committed);
    }

    public Path dataDir() { return dataDir; }
    public ConfigDir config() { return config; }
    public Environment env() { return env; }
    public Clock clock() { return clock; }
    public Database database() { return db; }
    public DocumentStore documents() { return documents; }
    /** The change feed: the index and the decision log, driven after every store commit (and by serve's timer). */
    public ChangeFeed feed() { return feed; }
    /** The decision log, as its follower produced it (a read: it never extracts on the reader's behalf). */
    public DecisionLog decisions() { return new DecisionLog(db, documents, clock); }
    /** Every decision, newest first, kept until the change feed moves (every free-topic answer looks through them). */
    public List<Decision> allDecisions() { return allDecisions.get(); }
    /**
     * Every current Linear initiative and project, unfiltered by any reader's access (callers apply the reader's),
     * kept until the change feed moves: each question is matched against their names.
     */
    public List<StoredDocument> planningDocuments() { return planning.get(); }
    /**
     * Documents read since the change feed last moved, by id, shared by the answers of this process (a fresh empty
     * map after every store change): {@code new Corpus(documents(), viewer, ws::keptDocuments)}.
     */
    public Map<String, StoredDocument> keptDocuments() { return keptDocuments.get(); }
    public CursorStore cursors() { return new CursorStore(db); }
    public CanonicalStore canonicalMarks() { return new CanonicalStore(db); }
    public RunStore runs() { return new RunStore(db); }

    /** The index, opened (and caught up with the store) on first use. */
    public synchronized DocumentIndex index() {
        if (index == null) index = reading ? DocumentIndex.openForReading(dataDir, documents, clock) : DocumentIndex.open(dataDir, documents, clock);
        return index;
    }

    public synchronized boolean indexOpen() {
        return index != null;
    }

    public synchronized TruthPolicy truthPolicy() {
        if (truthPolicy == null) truthPolicy = TruthPolicy.load(config);
        return truthPolicy;
    }

    public synchronized PeopleDirectory people() {
        if (people == null) people = new PeopleDirectory(new PeopleStore(db), PeopleAliases.load(config));
        return people;
    }

    /** The admins of {@code connectors/slack.yml}, read once. */
    public synchronized Admins admins() {
        if (admins == null) admins = Admins.load(config);
        return admins;
    }

    /** {@code jobs/nightly.yml} (schedule, zone, sources), read once on first use (commands that do not need it never fail on it). */
    public synchronized NightlySettings nightly() {
        if (nightly == null) nightly = NightlySettings.load(config);
        return nightly;
    }

    /** The skills (ask, brief, scratchpad), built once with this workspace's LLM writer. */
    public synchronized Skills skills() {
        if (skills == null) skills = new Skills(this);
        return skills;
    }

    public TruthRefresher truthRefresher() {
        return new TruthRefresher(documents, canonicalMarks(), truthPolicy(), clock);
    }

    public CanonicalService canonical() {
        return new CanonicalService(db, documents, canonicalMarks(), truthPolicy(), admins(), clock);
    }

    @Override
    public synchronized void close() {
        if (index != null) index.close();
        db.close();
    }
}
