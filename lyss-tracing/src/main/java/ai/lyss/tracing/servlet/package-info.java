/** SERVER spans for Jakarta Servlet containers. Needs the Servlet API (optional dependency). */
@NullMarked
package ai.lyss.tracing.servlet;

import org.jspecify.annotations.NullMarked;
