package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServletRequest;

/** The address clients reach this server at, from the request: {@code http://host:port/}. */
final class SiteAddress {
    private SiteAddress() {}

    static String of(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        String host = request.getServerName();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443) || port <= 0;
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + request.getContextPath() + "/";
    }
}
