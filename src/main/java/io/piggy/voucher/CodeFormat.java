package io.piggy.voucher;

import io.piggy.shared.api.ApiException;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * A validated code format: a template whose {@code #} positions are filled with characters of the
 * charset. Codes are case-insensitive, so a charset may not hold one letter in two cases.
 */
record CodeFormat(String template, String charset) {
    /** Upper-case letters and digits without the look-alikes 0/O and 1/I: 32 characters. */
    static final String DEFAULT_CHARSET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int DEFAULT_LENGTH = 8;
    static final int MAX_CODE_LENGTH = 64;
    static final CodeFormat DEFAULT = new CodeFormat("#".repeat(DEFAULT_LENGTH), DEFAULT_CHARSET);

    static CodeFormat of(CodeOptions options) {
        if (options == null) {
            return DEFAULT;
        }
        String charset = options.charset() == null || options.charset().isEmpty() ? DEFAULT_CHARSET : options.charset();
        requireCharset(charset);
        String prefix = literal(options.prefix(), "prefix");
        String suffix = literal(options.suffix(), "suffix");
        String body;
        if (options.pattern() != null && !options.pattern().isEmpty()) {
            if (options.length() != null) {
                throw ApiException.invalidField("code_options.length",
                        "Send either a pattern or a length, not both: the pattern's # marks set the length.");
            }
            body = options.pattern();
            if (body.indexOf('#') < 0 || body.chars().anyMatch(Character::isWhitespace)) {
                throw ApiException.invalidField("code_options.pattern",
                        "The pattern needs at least one # (a random character) and no spaces, e.g. SUMMER-####.");
            }
        } else {
            int length = options.length() == null ? DEFAULT_LENGTH : options.length();
            if (length < 1 || length > MAX_CODE_LENGTH) {
                throw ApiException.invalidField("code_options.length",
                        "The length must be between 1 and " + MAX_CODE_LENGTH + ".");
            }
            body = "#".repeat(length);
        }
        String template = prefix + body + suffix;
        if (template.length() > MAX_CODE_LENGTH) {
            throw ApiException.invalidField("code_options",
                    "Codes may have at most " + MAX_CODE_LENGTH + " characters with prefix and suffix.");
        }
        return new CodeFormat(template, charset);
    }

    private static String literal(String value, String field) {
        if (value == null) {
            return "";
        }
        if (value.indexOf('#') >= 0 || value.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw ApiException.invalidField("code_options." + field,
                    "The " + field + " may not contain # or spaces; use pattern for random characters in between.");
        }
        return value;
    }

    private static void requireCharset(String charset) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < charset.length(); i++) {
            char c = charset.charAt(i);
            if (c == '#' || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSurrogate(c)) {
                throw ApiException.invalidField("code_options.charset", "The charset may not contain #, spaces or control characters.");
            }
            if (!seen.add(String.valueOf(c).toUpperCase(Locale.ROOT))) {
                throw ApiException.invalidField("code_options.charset", "The charset lists '" + c
                        + "' twice (codes are case-insensitive, so a and A count as one character).");
            }
        }
        if (seen.size() < 2) {
            throw ApiException.invalidField("code_options.charset", "The charset needs at least 2 different characters.");
        }
    }

    int positions() {
        return (int) template.chars().filter(c -> c == '#').count();
    }

    /** How many different codes this format can make, capped at Long.MAX_VALUE. */
    long space() {
        BigInteger space = BigInteger.valueOf(charset.length()).pow(positions());
        return space.bitLength() < 63 ? space.longValue() : Long.MAX_VALUE;
    }

    /** Makes codes from a cryptographically secure source, buffering its bytes for speed. */
    final class Generator {
        private final SecureRandom random;
        private final byte[] buffer = new byte[8192];
        private int next = buffer.length;
        private final int n = charset.length();
        /** Bytes at or above this are rejected, so every character is equally likely. */
        private final int bound = n <= 256 ? 256 - 256 % n : 0;
        private final char[] code = template.toCharArray();

        Generator(SecureRandom random) {
            this.random = random;
        }

        String next() {
            for (int i = 0; i < code.length; i++) {
                if (template.charAt(i) == '#') {
                    code[i] = charset.charAt(index());
                }
            }
            return new String(code);
        }

        private int index() {
            if (n > 256) {
                return random.nextInt(n);
            }
            while (true) {
                if (next == buffer.length) {
                    random.nextBytes(buffer);
                    next = 0;
                }
                int b = buffer[next++] & 0xFF;
                if (b < bound) {
                    return b % n;
                }
            }
        }
    }

    Generator generator(SecureRandom random) {
        return new Generator(random);
    }
}
