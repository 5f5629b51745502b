package dev.nightjar.bench;

import dev.nightjar.connectors.http.Sleeper;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The connectors' sleeper, wrapping the one that waits, that adds up how long each source waited on purpose
 * (request pacing, retry back-off). The source is the connector package on the caller's stack, e.g.
 * {@code dev.nightjar.connectors.slack.MethodPacer} → {@code slack}; shared code under
 * {@code connectors.http} is skipped to find its caller.
 */
final class WaitTally implements Sleeper {

    private static final String CONNECTORS = "dev.nightjar.connectors.";
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Sleeper delegate;
    private final Map<String, AtomicLong> nanos = new ConcurrentHashMap<>();

    /** @param delegate does the waiting: {@link Sleeper#real()} for the benchmark, a no-op in tests */
    WaitTally(Sleeper delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        String source = caller().orElse("other");
        long t = System.nanoTime();
        try {
            delegate.sleep(duration);
        } finally {
            nanos.computeIfAbsent(source, s -> new AtomicLong()).addAndGet(System.nanoTime() - t);
        }
    }

    /** Milliseconds {@code source} has waited so far. */
    long millis(String source) {
        AtomicLong n = nanos.get(source);
        return n == null ? 0 : n.get() / 1_000_000;
    }

    private static Optional<String> caller() {
        return STACK.walk(frames -> frames.map(f -> f.getDeclaringClass().getPackageName())
                .filter(p -> p.startsWith(CONNECTORS) && !p.equals(CONNECTORS + "http"))
                .map(p -> p.substring(CONNECTORS.length()))
                .findFirst());
    }
}
