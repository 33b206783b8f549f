/**
 * Integration with the JDK's built-in {@code com.sun.net.httpserver}: a metrics filter and {@code
 * /metrics}.
 */
@NullMarked
package ai.lyss.metrics.jdkhttp;

import org.jspecify.annotations.NullMarked;
