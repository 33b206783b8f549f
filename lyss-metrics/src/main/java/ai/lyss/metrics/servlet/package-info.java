/**
 * Jakarta Servlet integration: a metrics filter and a {@code /metrics} servlet. The Servlet API is
 * an optional dependency: this package is usable only when it is on the class path.
 */
@NullMarked
package ai.lyss.metrics.servlet;

import org.jspecify.annotations.NullMarked;
