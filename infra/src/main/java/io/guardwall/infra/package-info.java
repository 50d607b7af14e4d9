/** See the module README; every type here is null-marked: null only where @Nullable says so. */
@NullMarked
package io.guardwall.infra;

import org.jspecify.annotations.NullMarked;
