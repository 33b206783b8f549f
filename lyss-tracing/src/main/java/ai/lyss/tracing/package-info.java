/**
 * One-call OpenTelemetry setup for Lyss services ({@link ai.lyss.tracing.LyssTracing}), the {@link
 * ai.lyss.tracing.Traced @Traced} annotation with its proxy, GenAI spans, context propagation
 * helpers and log correlation. Framework integrations live in the {@code servlet}, {@code jdkhttp},
 * {@code http}, {@code jdbc}, {@code aspectj} and {@code micrometer} sub-packages.
 */
@NullMarked
package ai.lyss.tracing;

import org.jspecify.annotations.NullMarked;
