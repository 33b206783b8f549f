/**
 * The Lyss demo AI gateway: an embedded Jetty 12 service wired with every Lyss module, started by
 * {@link ai.lyss.demo.DemoServer}.
 */
@NullMarked
package ai.lyss.demo;

import org.jspecify.annotations.NullMarked;
