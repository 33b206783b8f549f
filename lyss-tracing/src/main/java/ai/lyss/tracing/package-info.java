/**
 * One-call OpenTelemetry setup for Lyss services ({@link ai.lyss.tracing.LyssTracing}), the {@link
 * ai.lyss.tracing.Traced @Traced} annotation with its proxy, GenAI spans and context propagation
 * helpers (trace ids in log lines are lyss-logging's: it reads the current span). Integrations live
 * in the {@code http}, {@code jdbc}, {@code aspectj} and {@code micrometer} sub-packages; server
 * spans come from {@code LyssTracing.httpObserver()} in lyss-core's request pipeline.
 */
@NullMarked
package ai.lyss.tracing;

import org.jspecify.annotations.NullMarked;
