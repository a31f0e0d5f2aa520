package app.steady.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells hosts on private networks from public ones, so that a URL a tenant's admin enters (a pager webhook) cannot
 * make a service call into the provider's own network or the cloud's metadata endpoint (server-side request
 * forgery). {@link #isPrivateHost} judges a URL's host as written (IP literals and reserved names, no DNS);
 * {@link #resolvesToPrivate} also resolves a name, for the moment of sending (a public name may point inside).
 */
public final class PrivateAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_SUFFIXES = List.of(".localhost", ".local", ".internal", ".lan",
            ".home.arpa", ".intranet", ".corp");

    private PrivateAddresses() {
    }

    /** Whether the host, as written in a URL, names a private, loopback, link-local or otherwise internal place. */
    public static boolean isPrivateHost(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (IPV4.matcher(name).matches() || name.contains(":")) {
            try {
                return isPrivate(InetAddress.getByName(name)); // a literal: no lookup
            } catch (UnknownHostException e) {
                return true;
            }
        }
        String bare = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        return bare.equals("localhost") || !bare.contains(".")
                || RESERVED_SUFFIXES.stream().anyMatch(bare::endsWith);
    }

    /** Whether the host resolves (now) to any private address; unresolvable counts as private (refuse to send). */
    public static boolean resolvesToPrivate(String host) {
        if (isPrivateHost(host)) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (isPrivate(address)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || first >= 240                    // "this network", reserved
                    || first == 100 && second >= 64 && second < 128  // carrier-grade NAT 100.64/10
                    || first == 192 && second == 0 && (bytes[2] & 0xff) == 0   // IETF protocol assignments
                    || first == 198 && (second == 18 || second == 19);          // benchmarking
        }
        int firstByte = bytes[0] & 0xff;
        boolean uniqueLocal = (firstByte & 0xfe) == 0xfc;         // fc00::/7
        boolean mappedV4 = isV4Mapped(bytes);
        return uniqueLocal || mappedV4 && isPrivate(v4Of(bytes));
    }

    private static boolean isV4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static InetAddress v4Of(byte[] bytes) {
        try {
            return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
