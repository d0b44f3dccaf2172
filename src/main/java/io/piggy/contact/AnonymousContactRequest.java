package io.piggy.contact;

import com.fasterxml.jackson.annotation.JsonProperty;

record AnonymousContactRequest(@JsonProperty("contact_identifier_value") String contactIdentifierValue) {
}
