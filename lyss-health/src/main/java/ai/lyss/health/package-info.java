/**
 * Health checks for Lyss services: the {@link ai.lyss.health.HealthCheck} contract, an immutable
 * {@link ai.lyss.health.HealthCheckResult}, the {@link ai.lyss.health.HealthRegistry} that runs
 * named checks concurrently under timeouts, and the {@link ai.lyss.health.HealthReport} rendered as
 * the platform's health JSON.
 */
@NullMarked
package ai.lyss.health;

import org.jspecify.annotations.NullMarked;
