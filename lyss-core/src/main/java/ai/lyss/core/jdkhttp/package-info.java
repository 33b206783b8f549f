/** Adapters for the JDK's built-in {@code com.sun.net.httpserver} HTTP server. */
@NullMarked
package ai.lyss.core.jdkhttp;

import org.jspecify.annotations.NullMarked;
