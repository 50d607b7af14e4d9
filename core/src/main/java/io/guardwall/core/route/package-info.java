/** Null-marked: a value is never null unless declared {@code @Nullable}. */
@NullMarked
package io.guardwall.core.route;

import org.jspecify.annotations.NullMarked;
