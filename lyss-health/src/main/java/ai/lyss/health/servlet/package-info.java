/**
 * The health endpoints for Jakarta Servlet containers. The Servlet API is an optional dependency:
 * this package works only when it is on the class path.
 */
@NullMarked
package ai.lyss.health.servlet;

import org.jspecify.annotations.NullMarked;
