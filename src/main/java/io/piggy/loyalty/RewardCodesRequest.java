package io.piggy.loyalty;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** Codes to add to a DIGITAL reward's pool (checked one by one, so errors can say which). */
record RewardCodesRequest(
        @ArraySchema(schema = @Schema(type = "string", maxLength = RewardCodeService.MAX_CODE_LENGTH),
                minItems = 1, maxItems = RewardCodeService.MAX_CODES_PER_CALL)
        JsonNode codes) {
}
