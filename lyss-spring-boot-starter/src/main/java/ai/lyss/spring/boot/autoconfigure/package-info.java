/**
 * The auto-configurations of the Lyss Spring Boot starter, one per Lyss module, each active when
 * its module is on the class path and switchable with {@code lyss.<module>.enabled}.
 */
@NullMarked
package ai.lyss.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
