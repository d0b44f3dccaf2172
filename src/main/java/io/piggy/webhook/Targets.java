package io.piggy.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may be sent: http or https URLs whose host is public. A subscription URL makes
 * the server call out, so, unless {@code piggy.webhooks.allow-private-addresses} is set, hosts that
 * are or resolve to loopback, private (RFC 1918, unique-local fc00::/7, carrier-grade NAT
 * 100.64/10), link-local (including cloud metadata at 169.254.169.254), unspecified or multicast
 * addresses are refused, when a subscription is saved and again before each attempt (a name may be
 * pointed elsewhere later).
 */
final class Targets {
    private final boolean allowPrivate;

    Targets(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Why this URL cannot be a subscription's, or empty when it can. A host that does not resolve now is accepted. */
    Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("The url must be a valid http or https URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()
                || uri.getRawUserInfo() != null) {
            return Optional.of("The url must be a valid http or https URL.");
        }
        try {
            return privateAddress(uri.getHost()) ? Optional.of(
                    "The url points to a private, loopback or link-local address, which webhooks may not call.")
                    : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** True when the host is, or resolves to, an address webhooks may not call. */
    boolean privateAddress(String host) throws UnknownHostException {
        if (allowPrivate) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        for (InetAddress address : InetAddress.getAllByName(bare)) {
            if (isPrivate(address)) {
                return true;
            }
        }
        return false;
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || uniqueLocal || carrierNat || thisNetwork;
    }
}
