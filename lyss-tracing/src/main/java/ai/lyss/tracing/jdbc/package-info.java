/**
 * Spans for JDBC statements, with statements sanitised and parameters never captured, and the
 * slow-query log riding on the same wrapper.
 */
@NullMarked
package ai.lyss.tracing.jdbc;

import org.jspecify.annotations.NullMarked;
