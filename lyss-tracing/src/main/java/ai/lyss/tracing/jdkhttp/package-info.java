/** SERVER spans for the JDK's built-in {@code com.sun.net.httpserver} server. */
@NullMarked
package ai.lyss.tracing.jdkhttp;

import org.jspecify.annotations.NullMarked;
