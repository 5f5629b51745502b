package dev.nightjar.index;

import dev.nightjar.config.ConfigException;
import dev.nightjar.index.vectors.Embedder;
import dev.nightjar.index.vectors.E5SmallEmbedder;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether the index keeps dense vectors beside BM25: the environment variable {@code NIGHTJAR_VECTORS}
 * ({@code on}/{@code off}, also {@code true}/{@code false}, {@code 1}/{@code 0}). Off by default: on the
 * evaluation's questions hybrid retrieval (e5-small-v2) did not raise recall@10 (0.44 BM25 alone, 0.40 hybrid) and
 * costs a 25× index and the model's cold start on every `ask` (see BENCHMARKS.md, "Semantic retrieval").
 *
 * <p>When on, the tokenizer's native library, which the model's runtime extracts on first use, goes to
 * {@code <dataDir>/cache/djl} instead of {@code ~/.djl.ai}, so everything Nightjar writes stays under
 * its data directory (unless {@code DJL_CACHE_DIR} is already set).
 */
public final class VectorSwitch {

    /** The environment variable that turns vectors on or off. */
    public static final String VARIABLE = "NIGHTJAR_VECTORS";

    private VectorSwitch() {
    }

    /** The embedder to index and search with, or null when vectors are off. */
    public static Embedder fromEnvironment(Path dataDir) {
        if (!enabled(System.getenv(VARIABLE))) return null;
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dataDir.toAbsolutePath().resolve("cache").resolve("djl").toString());
        }
        return new E5SmallEmbedder();
    }

    /** Reads the switch's value; unset or blank is off. Errors: any other word is a {@link ConfigException}. */
    static boolean enabled(String value) {
        if (value == null || value.isBlank()) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "1", "yes" -> true;
            case "off", "false", "0", "no" -> false;
            default -> throw new ConfigException(VARIABLE + " must be on or off, not '" + value.trim() + "'");
        };
    }
}
