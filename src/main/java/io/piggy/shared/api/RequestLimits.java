package io.piggy.shared.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * How much one request may ask of Piggy before anything else runs: its body's size and arrival
 * time, and the shape of what the body decodes to. Every decoder (query string, form, multipart,
 * JSON) checks the same limits, so no encoding is a way around them; each breach is a 4xx.
 *
 * @param maxBodySize     largest body accepted (413 past it)
 * @param bodyTimeout     the whole body must have arrived within this (408 past it)
 * @param maxFields       fields of a query string, form or multipart body; values in a JSON body
 * @param maxKeyDepth     brackets in one form key ({@code a[b][c]} is 3 deep); nesting of a JSON body
 * @param maxKeyLength    characters of one field name
 * @param maxStringLength characters of one value; attribute types set lower limits of their own
 */
@ConfigurationProperties("piggy.http")
public record RequestLimits(DataSize maxBodySize, Duration bodyTimeout, int maxFields, int maxKeyDepth,
                            int maxKeyLength, int maxStringLength) {

    /** The 1003 or 413 for a body past one of the limits; {@code what} says which, in words. */
    static ApiException exceeded(String what) {
        return new ApiException(ErrorCode.INVALID_INPUT, "The request is too large: " + what
                + ". Send less per request (see the limits in the README).");
    }

    /** One more field of a query string, form or multipart body, after {@code before} others. */
    void checkField(int before, String name, String value) {
        if (before >= maxFields) {
            throw exceeded("more than " + maxFields + " fields");
        }
        if (name.length() > maxKeyLength) {
            throw exceeded("a field name longer than " + maxKeyLength + " characters");
        }
        if (value.length() > maxStringLength) {
            throw exceeded("the value of " + name.substring(0, Math.min(name.length(), 64)) + " is longer than "
                    + maxStringLength + " characters");
        }
    }

    ApiException tooLarge() {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than "
                + maxBodySize.toBytes() + " bytes. Send less per request, or raise PIGGY_HTTP_MAX_BODY_SIZE.");
    }
}
