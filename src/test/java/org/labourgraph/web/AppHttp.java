package org.labourgraph.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Small HTTP client calls against a running {@link LabourgraphServer}, for the web tests. */
final class AppHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AppHttp() {}

    static HttpResponse<String> get(LabourgraphServer server, String path, String accept) throws Exception {
        return send(server, "GET", path, null, null, null, accept);
    }

    static HttpResponse<String> post(LabourgraphServer server, String path, String contentType, String body,
                                      String accept, String authorization) throws Exception {
        return send(server, "POST", path, contentType, body, authorization, accept);
    }

    static HttpResponse<String> send(LabourgraphServer server, String method, String path, String contentType,
                                      String body, String authorization) throws Exception {
        return send(server, method, path, contentType, body, authorization, null);
    }

    static HttpResponse<String> send(LabourgraphServer server, String method, String path, String contentType,
                                      String body, String authorization, String accept) throws Exception {
        java.util.List<String> headers = new java.util.ArrayList<>();
        if (accept != null) {
            headers.addAll(java.util.List.of("Accept", accept));
        }
        if (authorization != null) {
            headers.addAll(java.util.List.of("Authorization", authorization));
        }
        return HTTP.send(TestServer.request(URI.create(server.baseUrl() + path), method, contentType, body, headers.toArray(String[]::new)),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String mediaTypeOf(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String basic(String user, String password) {
        return TestServer.basic(user, password);
    }
}
