/** Null-marked: a value is never null unless declared {@code @Nullable}. */
@NullMarked
package io.guardwall.core.retry;

import org.jspecify.annotations.NullMarked;
