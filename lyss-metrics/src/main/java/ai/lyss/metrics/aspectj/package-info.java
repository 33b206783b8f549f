/**
 * The {@link ai.lyss.metrics.MonitorApi} aspect for Spring AOP and AspectJ weaving. AspectJ ({@code
 * aspectjweaver}, or Spring AOP which bundles the annotations it needs) is an optional dependency:
 * this package is usable only when it is on the class path.
 */
@NullMarked
package ai.lyss.metrics.aspectj;

import org.jspecify.annotations.NullMarked;
