/** Request logging for the JDK's built-in {@code com.sun.net.httpserver} HTTP server. */
@NullMarked
package ai.lyss.logging.jdkhttp;

import org.jspecify.annotations.NullMarked;
