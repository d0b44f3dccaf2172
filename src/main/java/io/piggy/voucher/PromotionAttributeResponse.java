package io.piggy.voucher;

import org.jspecify.annotations.Nullable;

import java.util.List;

/** A promotion attribute definition; {@code id} is the integer the PHP SDK addresses it by. */
record PromotionAttributeResponse(long id, String name, String label, @Nullable String description, @Nullable String placeholder,
                                  String type, List<Object> options) {
}
