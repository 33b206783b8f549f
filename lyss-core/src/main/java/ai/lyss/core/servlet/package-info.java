/**
 * Jakarta Servlet adapters. The Servlet API is an optional dependency of lyss-core: these classes
 * are usable only when it is on the classpath.
 */
@NullMarked
package ai.lyss.core.servlet;

import org.jspecify.annotations.NullMarked;
