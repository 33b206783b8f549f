/**
 * Request logging for Jakarta Servlet containers (Jetty, Tomcat, ...). The Servlet API is an
 * optional dependency; these classes are usable only when it is on the classpath.
 */
@NullMarked
package ai.lyss.logging.servlet;

import org.jspecify.annotations.NullMarked;
