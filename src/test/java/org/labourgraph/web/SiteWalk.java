package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scholar's walk: from the home page, every browsing link in turn (breadth first, up to a number of pages), each page
 * fetched from the embedded site and from a site over an external store, and compared once each origin is replaced.
 */
final class SiteWalk {
    /** Routes the walk follows: the browsing site. */
    private static final Pattern BROWSE = Pattern.compile("^/(|doc/.*|id/.*|hierarchy.*|index.*|map.*|search.*|query.*|ontology.*|cite/.*)$");
    private static final Pattern HREF = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What a walk saw: the pages visited, and those that differ (with where they part). */
    record Result(Set<String> visited, List<String> differences) {}

    private SiteWalk() {}

    static Result walk(LabourgraphServer embedded, LabourgraphServer external, int pages) throws IOException, InterruptedException {
        Deque<String> queue = new ArrayDeque<>(List.of("/"));
        Set<String> seen = new LinkedHashSet<>(queue);
        Set<String> visited = new LinkedHashSet<>();
        List<String> differences = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < pages) {
            String path = queue.poll();
            HttpResponse<String> here = get(embedded, path);
            HttpResponse<String> there = get(external, path);
            visited.add(path);
            assertEquals(200, here.statusCode(), "embedded " + path);
            String a = normalised(here, embedded);
            String b = normalised(there, external);
            if (there.statusCode() != 200 || !a.equals(b)) {
                differences.add(path + " (external: " + there.statusCode() + ") " + firstDifference(a, b));
            }
            Matcher m = HREF.matcher(here.body());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (BROWSE.matcher(link).matches() && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return new Result(visited, differences);
    }

    /** Where two bodies part: the first line that differs, as each has it. */
    private static String firstDifference(String embeddedBody, String externalBody) {
        String[] a = embeddedBody.split("\n");
        String[] b = externalBody.split("\n");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i].strip() : "(end)";
            String y = i < b.length ? b[i].strip() : "(end)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": embedded «" + x + "» / external «" + y + "»";
            }
        }
        return "";
    }

    static String normalised(HttpResponse<String> r, LabourgraphServer server) {
        return r.body().replace(server.baseUrl().replaceAll("/$", ""), "ORIGIN");
    }

    static HttpResponse<String> get(LabourgraphServer server, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
