package io.piggy.product;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A product category named in a product body, by uuid or by external_identifier. */
record CategoryRef(String uuid, @JsonProperty("external_identifier") String externalIdentifier) {
}
