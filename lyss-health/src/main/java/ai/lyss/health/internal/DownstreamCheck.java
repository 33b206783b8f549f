package ai.lyss.health.internal;

/**
 * Marks built-in checks that probe a downstream dependency: the registry refuses them in the
 * liveness group, because a restart never fixes a dependency outage.
 */
public interface DownstreamCheck {}
