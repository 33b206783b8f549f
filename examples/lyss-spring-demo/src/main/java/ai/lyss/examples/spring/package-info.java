/** A minimal Spring Boot service observed by the Lyss starter. */
@NullMarked
package ai.lyss.examples.spring;

import org.jspecify.annotations.NullMarked;
