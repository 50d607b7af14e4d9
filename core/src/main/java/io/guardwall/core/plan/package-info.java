/** Null-marked: a value is never null unless declared {@code @Nullable}. */
@NullMarked
package io.guardwall.core.plan;

import org.jspecify.annotations.NullMarked;
