package dev.nightjar.connectors.linear;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What differs between Linear streams: the name, the query, the connection it reads, and the filter.
 *
 * @param root         the connection field under {@code data} ({@code issues}, {@code comments}, ...)
 * @param serverFilter true when the connection takes {@code filter: { updatedAt: { gt } }}; false
 *                     (issueRelations) means the watermark is applied to the records here instead
 * @param selection    the team selection as a filter object of the connection's filter type, or null
 */
record StreamSpec(String name, String query, String root, boolean serverFilter, ObjectNode selection) {
}
