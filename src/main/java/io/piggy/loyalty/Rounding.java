package io.piggy.loyalty;

import java.math.RoundingMode;

/** How an earning rule rounds a fractional number of credits. */
enum Rounding {
    DOWN(RoundingMode.DOWN), UP(RoundingMode.UP), HALF_UP(RoundingMode.HALF_UP);

    final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }
}
