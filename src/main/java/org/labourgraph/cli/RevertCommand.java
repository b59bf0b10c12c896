package org.labourgraph.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.labourgraph.history.Attribution;
import org.labourgraph.history.RecordingDataset;
import org.labourgraph.history.Reverts;
import org.labourgraph.history.Revision;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labourgraph revert REV}: takes a revision back as a new change, recorded in the history like any other (its
 * message names the revision it reverts). In a stopped server's store, or through a running server as a curator.
 */
@Command(name = "revert", mixinStandardHelpOptions = true,
        description = {"Undo a revision (see labourgraph history) as a new, recorded change.",
                "In a stopped server's store (--store), or through a running server (--server, as a curator)."})
public final class RevertCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REV", description = "The revision number to take back.")
    long revision;

    @Option(names = "--store", paramLabel = "DIR", description = "Store folder of a stopped server (default: ./store).")
    Path store = Path.of("store");

    @Option(names = "--server", paramLabel = "URL", description = "Revert through this running labourgraph server instead.")
    URI server;

    @Option(names = "--user", paramLabel = "NAME", description = "Curator account on the server (with --server).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password (default LABOURGRAPH_PASSWORD).")
    String passwordEnv = "LABOURGRAPH_PASSWORD";

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (first line), instead of --password-env.")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
        return server != null ? throughServer() : inStore();
    }

    private int inStore() {
        try (LabourStore opened = LabourStore.open(store)) {
            Optional<Revision> made = Reverts.revert((RecordingDataset) opened.dataset(), revision,
                    System.getProperty("user.name", "labourgraph"), Attribution.Channel.LOCAL);
            System.out.println(made.map(r -> "Reverted revision " + revision + " as revision " + r.number() + " (+" + r.added().size()
                    + " -" + r.deleted().size() + ").").orElse("Revision " + revision + " has nothing left to undo: nothing changed."));
            return 0;
        } catch (IllegalArgumentException | StoreException e) {
            System.err.println("revert: " + e.getMessage());
            return 1;
        }
    }

    private int throughServer() throws IOException, InterruptedException {
        if (user == null) {
            System.err.println("revert: --server needs --user NAME (a curator account) and its password in $" + passwordEnv
                    + " or --password-file FILE.");
            return 2;
        }
        String password = passwordFile != null
                ? Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse(null)
                : System.getenv(passwordEnv);
        if (password == null) {
            System.err.println("revert: give the password of " + user + " in $" + passwordEnv + " or with --password-file FILE.");
            return 2;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/history/revert?rev=" + revision))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.err.println("revert: the server answered " + r.statusCode() + ": " + r.body().strip());
            return 1;
        }
        System.out.println(r.body().strip());
        return 0;
    }
}
