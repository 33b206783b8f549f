/**
 * Self-metrics of the span pipeline for Micrometer. Needs {@code io.micrometer:micrometer-core}
 * (optional dependency).
 */
@NullMarked
package ai.lyss.tracing.micrometer;

import org.jspecify.annotations.NullMarked;
