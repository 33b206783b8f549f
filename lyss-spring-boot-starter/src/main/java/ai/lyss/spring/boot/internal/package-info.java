/** Implementation of the Lyss Spring Boot starter; not public API. */
@NullMarked
package ai.lyss.spring.boot.internal;

import org.jspecify.annotations.NullMarked;
