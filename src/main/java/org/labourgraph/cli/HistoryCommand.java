package org.labourgraph.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.Revision;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StoreException;
import org.labourgraph.vocab.Prefixes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labourgraph history IRI}: the revisions that changed a resource, oldest first, each with its statements added
 * (+) and removed (−). From a stopped server's store (logins shown: the operator's own files) or from a running
 * server's History tab (display names only, as the public sees them).
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = {"List the recorded changes of a resource: revision, date, author, message, +/- counts, and its statements added and removed.",
                "From a stopped server's store (--store) or from a running server (--server)."})
public final class HistoryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IRI", description = "The resource, e.g. https://w3id.org/labourgraph/id/concept/ghost-work")
    String iri;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder of a stopped server (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--server", paramLabel = "URL", description = "Ask this running labourgraph server instead (its /history pages).")
    URI server;

    static final PrefixMapping PREFIXES = Prefixes.MAPPING;

    @Override
    public Integer call() throws Exception {
        return server != null ? fromServer() : fromStore();
    }

    private int fromStore() {
        try (LabourStore opened = LabourStore.open(store)) {
            List<Revision> revisions = opened.history().about(iri);
            if (revisions.isEmpty()) {
                System.out.println("No recorded change touches <" + iri + "> in " + store + " (" + opened.history().head()
                        + " revisions in all).");
                return 0;
            }
            for (Revision r : revisions) {
                System.out.printf("r%d  %s  %s  +%d -%d  %s%n", r.number(), r.time(), r.author(), r.added().size(), r.deleted().size(),
                        r.message());
                r.deletedAbout(iri).forEach(q -> System.out.println("    - " + line(q)));
                r.addedAbout(iri).forEach(q -> System.out.println("    + " + line(q)));
            }
            System.err.println(revisions.size() + " revisions of <" + iri + ">; the store has " + opened.history().head() + ".");
            return 0;
        } catch (StoreException e) {
            System.err.println("history: " + e.getMessage());
            return 1;
        }
    }

    private int fromServer() throws IOException, InterruptedException {
        int id = iri.indexOf("/id/");
        if (id < 0) {
            System.err.println("history: <" + iri + "> is not a labourgraph resource IRI (…/id/<kind>/<name>).");
            return 2;
        }
        URI page = server.resolve("/history" + iri.substring(id + "/id".length()) + "?format=json");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.err.println("history: " + page + " answered " + r.statusCode() + (r.statusCode() == 404 ? " (unknown resource)" : ""));
            return 1;
        }
        JsonObject body = JSON.parse(r.body());
        List<JsonValue> revisions = body.get("revisions").getAsArray();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            JsonObject o = revisions.get(i).getAsObject();
            System.out.printf("r%s  %s  %s  +%s -%s  %s%n", num(o, "revision"), str(o, "time"), str(o, "curator"), num(o, "added"),
                    num(o, "deleted"), str(o, "message"));
            for (JsonValue c : o.get("changes").getAsArray()) {
                JsonObject l = c.getAsObject();
                String lang = l.hasKey("lang") ? "@" + str(l, "lang") : "";
                System.out.println("    " + str(l, "change") + " " + str(l, "property") + " " + str(l, "value") + lang);
            }
        }
        System.err.println(revisions.size() + " revisions of <" + iri + "> on " + server + ".");
        return 0;
    }

    private static String line(Quad q) {
        return PREFIXES.shortForm(q.getPredicate().getURI()) + " " + (q.getObject().isURI()
                ? PREFIXES.shortForm(q.getObject().getURI()) : NodeFmtLib.strNT(q.getObject()));
    }

    private static String str(JsonObject o, String key) {
        return o.get(key).getAsString().value();
    }

    private static String num(JsonObject o, String key) {
        return o.get(key).getAsNumber().value().toString();
    }
}
