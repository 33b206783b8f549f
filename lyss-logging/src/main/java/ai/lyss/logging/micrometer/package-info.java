/**
 * Micrometer integration: the dropped-events self-metric. Micrometer is an optional dependency;
 * these classes are usable only when it is on the classpath.
 */
@NullMarked
package ai.lyss.logging.micrometer;

import org.jspecify.annotations.NullMarked;
