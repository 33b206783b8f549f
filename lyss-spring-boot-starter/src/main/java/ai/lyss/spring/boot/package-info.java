/**
 * The Lyss Spring Boot starter: configuration properties ({@code lyss.*}) and the customizer
 * contracts a service may implement. The auto-configurations live in {@code
 * ai.lyss.spring.boot.autoconfigure}.
 */
@NullMarked
package ai.lyss.spring.boot;

import org.jspecify.annotations.NullMarked;
