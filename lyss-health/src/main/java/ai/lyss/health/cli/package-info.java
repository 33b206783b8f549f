/**
 * The command-line probe {@link ai.lyss.health.cli.HealthProbe}, shipped as {@code
 * lyss-health-<version>-cli.jar}: checks services and dependencies given by URL, prints the report
 * JSON, exits 0 healthy, 1 unhealthy, 2 bad usage.
 */
@NullMarked
package ai.lyss.health.cli;

import org.jspecify.annotations.NullMarked;
