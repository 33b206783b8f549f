/** The health endpoints for the JDK's built-in {@code com.sun.net.httpserver.HttpServer}. */
@NullMarked
package ai.lyss.health.jdkhttp;

import org.jspecify.annotations.NullMarked;
