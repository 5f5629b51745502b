package dev.nightjar.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The invented arXiv papers the sandbox serves, submitted in the days before the company's "now". Two
 * speak to Kestrel's projects (the reranker launch, payment retries); one is a decoy that shares the
 * reranker project's words (distilled, cross-encoder, reranking, latency) but is about protein docking;
 * the rest are plainly elsewhere. None of it is real: titles, authors and abstracts are made up.
 */
public final class SamplePapers {

    /**
     * One paper as arXiv would list it.
     *
     * @param id        arXiv id without version ({@code yymm.nnnnn})
     * @param published first submission
     * @param primary   primary category; {@code categories} lists it first
     */
    public record Paper(String id, int version, String title, String summary, List<String> authors, Instant published,
                        Instant updated, String primary, List<String> categories) {
    }

    /** The paper meant for the "Neural reranker launch" project. */
    public static final String RERANKER_PAPER = "reranker";
    /** The paper meant for the "Payment retries" project. */
    public static final String RETRIES_PAPER = "retries";
    /** Shares the reranker project's words, not its meaning. */
    public static final String DECOY_PAPER = "decoy";

    private SamplePapers() {
    }

    /** The papers, newest submission first, dated relative to {@code now}. */
    public static List<Paper> generate(Instant now) {
        Instant day = now.truncatedTo(ChronoUnit.HOURS);
        String yymm = DateTimeFormatter.ofPattern("yyMM").withZone(ZoneOffset.UTC).format(now.minus(3, ChronoUnit.DAYS));
        return List.of(
                new Paper(yymm + ".04117", 1,
                        "Distilled Cross-Encoder Rerankers for Low-Latency Product Search",
                        "Cross-encoder rerankers lift search relevance but are too slow to serve on all search traffic. "
                                + "We distill a large cross-encoder reranker into a six-layer student that keeps 97% of the teacher's "
                                + "NDCG@10 on e-commerce product search while meeting a p95 latency budget of 20 ms. "
                                + "A shadow-traffic evaluation before a full launch catches regressions that offline metrics miss.",
                        List.of("Ines Harrow", "Tomas Beck"), day.minus(20, ChronoUnit.HOURS), day.minus(20, ChronoUnit.HOURS),
                        "cs.IR", List.of("cs.IR", "cs.LG")),
                new Paper(yymm + ".04002", 2,
                        "Reranking Protein Docking Poses with Distilled Cross-Encoders",
                        "Docking programs propose thousands of candidate poses for a ligand bound to a protein pocket. "
                                + "We train a cross-encoder over residue and atom tokens and distill it into a smaller model that "
                                + "reranks the poses by predicted binding affinity. The distilled reranker cuts inference latency "
                                + "tenfold and improves top-1 pose accuracy on two crystal structure benchmarks.",
                        List.of("Aiko Verhoeven", "Rahul Menon", "Lea Sandoval"), day.minus(30, ChronoUnit.HOURS),
                        day.minus(6, ChronoUnit.HOURS), "q-bio.BM", List.of("q-bio.BM", "cs.LG")),
                new Paper(yymm + ".03951", 1,
                        "When to Retry a Declined Card Payment: Learning Backoff Schedules for Soft Declines",
                        "Soft declines from card issuers are often temporary. We study retry policies for failed card payments "
                                + "on an online checkout and learn when to retry each soft decline, replacing fixed exponential backoff. "
                                + "The learned schedule recovers 18% more declined payments with fewer retries, and a job queue "
                                + "spreads the retries so issuers are not flooded.",
                        List.of("Marta Quill", "Devin Osei"), day.minus(50, ChronoUnit.HOURS), day.minus(50, ChronoUnit.HOURS),
                        "cs.LG", List.of("cs.LG", "q-fin.GN")),
                new Paper(yymm + ".03810", 1,
                        "Sparse Autoencoders Find Interpretable Features of Galaxy Morphology",
                        "We train sparse autoencoders on the activations of a vision model fine-tuned on sky survey images and find "
                                + "features that correspond to spiral arms, bars and tidal tails.",
                        List.of("Noor Hallis"), day.minus(70, ChronoUnit.HOURS), day.minus(70, ChronoUnit.HOURS),
                        "astro-ph.GA", List.of("astro-ph.GA", "cs.LG")),
                new Paper(yymm + ".03702", 1,
                        "A Benchmark of Learned Cardinality Estimators under Data Drift",
                        "Learned cardinality estimators promise better query plans in relational databases. We benchmark nine of "
                                + "them when the data drifts after training and find most fall behind classic histograms within days.",
                        List.of("Petra Lind", "Chen Wu"), day.minus(90, ChronoUnit.HOURS), day.minus(90, ChronoUnit.HOURS),
                        "cs.DB", List.of("cs.DB", "cs.LG")));
    }
}
