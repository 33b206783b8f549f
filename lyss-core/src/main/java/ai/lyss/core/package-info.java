/**
 * The small pieces that several Lyss modules share, kept here once instead of copied: a
 * framework-neutral view of an HTTP request, tenant resolution, route templates and label
 * sanitising. This module has no required dependencies.
 */
@NullMarked
package ai.lyss.core;

import org.jspecify.annotations.NullMarked;
