package dev.portablefn.cli.server;

import java.util.Locale;

/**
 * Tells which {@code Host} header values the dev server answers: loopback names and addresses only. The server
 * listens on 127.0.0.1 alone, but a web page can still reach it by a name of its own that it rebinds to 127.0.0.1
 * (DNS rebinding); such a request carries that name as its {@code Host}, which is how it is told apart.
 */
final class LoopbackHosts {

    private LoopbackHosts() {
    }

    /**
     * @param host the request's {@code Host} header, possibly with a port; {@code null} when missing
     * @return why the request is refused, for the 403 problem, or {@code null} when the host is a loopback one
     */
    static String refusal(String host) {
        if (host != null && isLoopback(withoutPort(host.trim()).toLowerCase(Locale.ROOT))) {
            return null;
        }
        return "the dev server answers only requests addressed to localhost, 127.0.0.1 or [::1]; the Host header was "
                + (host == null ? "missing" : "'" + dev.portablefn.api.http.Redaction.forLog(host, 100) + "'");
    }

    private static String withoutPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isLoopback(String name) {
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]") || isLoopbackIpv4(name);
    }

    /** 127.0.0.0/8 written as four decimal parts; no resolution, so nothing here touches the network. */
    private static boolean isLoopbackIpv4(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals("127")) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
