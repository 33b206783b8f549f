/** Spans for JDBC statements, with statements sanitised and parameters never captured. */
@NullMarked
package ai.lyss.tracing.jdbc;

import org.jspecify.annotations.NullMarked;
