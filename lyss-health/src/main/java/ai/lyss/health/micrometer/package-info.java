/**
 * Health check results as Micrometer meters. Micrometer is an optional dependency: this package
 * works only when it is on the class path.
 */
@NullMarked
package ai.lyss.health.micrometer;

import org.jspecify.annotations.NullMarked;
