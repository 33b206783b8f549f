/**
 * The AspectJ aspect that traces {@link ai.lyss.tracing.Traced} methods, usable from Spring AOP and
 * AspectJ weaving. Needs {@code org.aspectj:aspectjweaver} (optional dependency).
 */
@NullMarked
package ai.lyss.tracing.aspectj;

import org.jspecify.annotations.NullMarked;
