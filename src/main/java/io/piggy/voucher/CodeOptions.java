package io.piggy.voucher;

/**
 * How generated codes look (an extension of Piggy's API): {@code length} random characters from
 * {@code charset} between {@code prefix} and {@code suffix}, or a {@code pattern} where every
 * {@code #} is a random character, e.g. {@code SUMMER-####-####}.
 */
record CodeOptions(Integer length, String charset, String prefix, String suffix, String pattern) {
}
