/** See the module README; every type here is null-marked: null only where @Nullable says so. */
@NullMarked
package io.guardwall.slack;

import org.jspecify.annotations.NullMarked;
