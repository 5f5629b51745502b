package dev.nightjar.connectors;

/**
 * One named stream of a connector, e.g. {@code issues} or {@code pulls:acme/api}. The caller loops:
 * <pre>
 *   cursor = stored cursor (null for a full sync)
 *   do { page = stream.read(cursor); save(page.records()); cursor = page.nextCursor(); persist(cursor); }
 *   while (!page.last());
 * </pre>
 * The cursor is opaque to the caller. {@link Page#nextCursor()} of a non-last page resumes the walk
 * where it stopped (a crash after saving page N restarts at page N+1); that of the last page is the
 * watermark the next incremental run starts from.
 */
public interface SourceStream {

    String name();

    /**
     * Reads the page after {@code cursor}.
     *
     * @param cursor null to read everything from the beginning
     * @throws ConnectorException when the source fails after bounded retries; the message names the
     *                            source, stream and cursor
     */
    Page read(String cursor) throws ConnectorException;
}
