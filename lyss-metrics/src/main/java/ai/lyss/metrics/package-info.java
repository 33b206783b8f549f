/**
 * The Lyss platform metric catalog on Micrometer: {@link ai.lyss.metrics.LyssMetrics} (the entry
 * point), {@link ai.lyss.metrics.MetricCatalog} (names, labels, HELP texts, buckets), HTTP, AI
 * model and business recorders, {@link ai.lyss.metrics.MonitorApi} and {@link
 * ai.lyss.metrics.MonitoredProxy}. Integrations live in {@code jdkhttp}, {@code servlet} and {@code
 * aspectj}.
 */
@NullMarked
package ai.lyss.metrics;

import org.jspecify.annotations.NullMarked;
