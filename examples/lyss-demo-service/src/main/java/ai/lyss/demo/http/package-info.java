/** The demo gateway's HTTP layer: servlets, routing, JSON bodies and error mapping. */
@NullMarked
package ai.lyss.demo.http;

import org.jspecify.annotations.NullMarked;
