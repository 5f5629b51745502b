package dev.nightjar.connectors;

import java.util.List;

/**
 * A source of documents (Linear, GitHub, W&B, Notion, Slack). Like Kafka Connect's SourceTask, a
 * connector only reads: it hands back pages of records with the cursor to resume from, and the job
 * (not the connector) persists cursors. A connector knows HTTP, paging and rate limits; it knows
 * nothing of the store, Lucene or skills.
 */
public interface Connector {

    /** Source name as used in ids and config: linear, github, wandb, notion, slack. */
    String source();

    /** The streams to read, in the order they should run (e.g. users before issues). */
    List<SourceStream> streams();

    /** Turns raw records of any of this connector's streams into documents, links and people. */
    Normalizer normalizer();

    /** HTTP requests and retries made so far, for `status` and `sync` summaries. */
    RequestStats stats();
}
