/** Implementation of lyss-metrics: not public API, may change without notice. */
@NullMarked
package ai.lyss.metrics.internal;

import org.jspecify.annotations.NullMarked;
