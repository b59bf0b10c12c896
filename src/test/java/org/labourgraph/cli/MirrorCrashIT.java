package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.mirror.Mirror;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.TestServer;

/**
 * Issue 21: {@code labourgraph mirror} (the built jar, a child JVM) copies server A on loopback from its dump, then
 * follows A's edits — adds, deletes, a revert and a deprecation — and is killed with SIGKILL twice while it applies
 * A's patches. Each run resumes exactly
 * after the last revision it committed, and the finished copy holds the same quads as A.
 *
 * <p>What "killed while it applies" means here, precisely: the child had printed "Applied revision X" (X committed),
 * had more of A's patches to apply, was alive, and died of the kill (exit 137), not of an error; the next run's first
 * applied revision is X+1 (the in-flight patch had not committed) or X+2 (it had, the line was not yet read). Whether
 * the kill fell inside a write transaction or between two cannot be seen from outside; both are recoveries the copy
 * must survive, and the final comparison checks them.
 */
@Tag("slow")
class MirrorCrashIT {
    static final String ADA = TestServer.basic("ada", "s3cret-pass");
    static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/";
    static final String CONCEPTS = "https://w3id.org/labourgraph/graph/concepts";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String[] SLUGS = {"micro-work", "ghost-work", "outsourcing", "precarity", "freelancing"};
    static final Pattern APPLIED = Pattern.compile("^Applied revision (\\d+)$");
    /** Applied patches a run is let make before it is killed. */
    static final int BEFORE_KILL = 5;

    @TempDir
    Path dir;

    @Test
    void a_mirror_killed_while_applying_patches_resumes_and_ends_with_the_sources_quads() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        Path copy = dir.resolve("copy");
        try (TestServer a = TestServer.start(s -> s.withPasswordFile(passwd))) {
            Run dump = Run.start(copy, a, dir); // the copy begins with A's dump, before the edits
            assertEquals(0, dump.awaitExit(), "the first copy; see " + dump.log);
            Edits edits = new Edits(a);
            edits.retireable();
            edits.labels(30);
            edits.revert();
            edits.retire();
            edits.labels(90);
            long head = a.store.history().head();

            Run first = Run.start(copy, a, dir);
            long committed = first.killAfterApplied(BEFORE_KILL, head);
            Run second = Run.start(copy, a, dir);
            assertResumedAfter(second, committed);
            long committedAgain = second.killAfterApplied(BEFORE_KILL, head);
            assertTrue(committedAgain > committed, "the second run applied patches before its kill");

            edits.labels(10); // A goes on while the copy is down
            long newest = a.store.history().head();
            Run last = Run.start(copy, a, dir);
            assertResumedAfter(last, committedAgain);
            assertEquals(0, last.awaitExit(), "the last run ends normally; see " + last.log);
            assertTrue(last.lines().stream().anyMatch(l -> l.contains(": revision " + newest + " (")),
                    "the copy says it holds revision " + newest + ": " + last.lines());

            try (LabourStore b = LabourStore.open(copy)) {
                assertEquals(newest, Mirror.recorded(b.history()).orElseThrow().revision());
                MirrorTest.assertSameQuads(a.store, b);
            }
        }
    }

    /** The run's first applied revision follows what the killed run had committed: nothing re-applied, nothing skipped. */
    private static void assertResumedAfter(Run run, long committed) throws Exception {
        long first = run.applied(1);
        System.out.println("MirrorCrashIT: the killed run had reported revision " + committed + " committed; the next began at "
                + first + (first == committed + 2 ? " (the kill fell after a commit, before its report)" : ""));
        assertTrue(first == committed + 1 || first == committed + 2, "the killed run had committed up to " + committed
                + " (or one more in flight); the next run began at " + first + "; see " + run.log);
    }

    /** Curators' edits on A through its HTTP API. */
    private static final class Edits {
        private final TestServer a;
        private int next;
        private long revertible = -1;

        Edits(TestServer a) {
            this.a = a;
        }

        private long patch(String slug, String rows, String message) throws Exception {
            HttpResponse<String> r = a.http.send(HttpRequest.newBuilder(a.uri("doc/concept/" + slug))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/rdf-patch")
                    .header("Authorization", ADA).header("X-Change-Message", message)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("TX .\n" + rows + "TC .\n")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), slug + ": " + r.body());
            return JSON.parse(r.body()).get("revision").getAsNumber().value().longValue();
        }

        private static String row(char op, String slug, String label) {
            return op + " <" + CONCEPT + slug + "> <" + SKOS + "hiddenLabel> \"" + label + "\"@en <" + CONCEPTS + "> .\n";
        }

        /** {@code n} edits: each adds ten labels to a concept; every third also deletes the labels added two edits before. */
        void labels(int n) throws Exception {
            for (int i = 0; i < n; i++) {
                int k = next++;
                // An edit changes one concept: one that deletes goes to the concept whose labels it deletes.
                String slug = SLUGS[(k % 3 == 2 ? k - 2 : k) % SLUGS.length];
                StringBuilder rows = new StringBuilder();
                if (k % 3 == 2) {
                    for (int j = 0; j < 10; j++) {
                        rows.append(row('D', slug, "mirror crash " + (k - 2) + "-" + j));
                    }
                }
                for (int j = 0; j < 10; j++) {
                    rows.append(row('A', slug, "mirror crash " + k + "-" + j));
                }
                long revision = patch(slug, rows.toString(), "labels " + k);
                if (k % 3 == 1 && revertible < 0) { // never deleted by a later edit
                    revertible = revision;
                }
            }
        }

        void revert() throws Exception {
            HttpResponse<String> r = a.send("POST", "history/revert?rev=" + revertible, null, null, "Authorization", ADA);
            assertTrue(r.statusCode() < 300, "revert: " + r.statusCode() + " " + r.body());
        }

        private void update(String sparql) throws Exception {
            HttpResponse<String> r = a.post("update", "application/sparql-update", sparql, "Authorization", ADA);
            assertEquals(204, r.statusCode(), r.body());
        }

        /** A concept of its own under ghost work, to retire later. */
        void retireable() throws Exception {
            update("INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + CONCEPT + "crowd-tasking> a <" + SKOS + "Concept> ;"
                    + " <" + SKOS + "prefLabel> \"tâcheronnage de foule\"@fr, \"crowd tasking\"@en ;"
                    + " <" + SKOS + "inScheme> <" + CONCEPT + "scheme> ;"
                    + " <" + SKOS + "definition> \"Tâches confiées à une foule en ligne (concept d'essai).\"@fr,"
                    + " \"Tasks handed out to an online crowd (a test concept).\"@en ;"
                    + " <http://purl.org/dc/terms/source> <https://w3id.org/labourgraph/id/note/CuDk_xb7q0uXBEV4X_ekAxRe9-E> ;"
                    + " <" + SKOS + "broader> <" + CONCEPT + "ghost-work> . <" + CONCEPT + "ghost-work> <" + SKOS + "narrower> <"
                    + CONCEPT + "crowd-tasking> } }");
        }

        /** Retired in one change: out of the tree, deprecated, replaced by ghost work. */
        void retire() throws Exception {
            update("DELETE DATA { GRAPH <" + CONCEPTS + "> { <" + CONCEPT + "crowd-tasking> <" + SKOS + "broader> <" + CONCEPT
                    + "ghost-work> . <" + CONCEPT + "ghost-work> <" + SKOS + "narrower> <" + CONCEPT + "crowd-tasking> } } ;"
                    + " INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + CONCEPT + "crowd-tasking> <http://www.w3.org/2002/07/owl#deprecated> true ;"
                    + " <http://purl.org/dc/terms/isReplacedBy> <" + CONCEPT + "ghost-work> } }");
        }
    }

    /** One run of {@code labourgraph mirror} in a child JVM of the built jar; its output goes to a log and is read line by line. */
    private static final class Run {
        private static int runs;
        final Process process;
        final Path log;
        private final List<String> lines = new ArrayList<>();
        private final List<Long> applied = new ArrayList<>();
        private final List<CompletableFuture<Long>> waiting = new ArrayList<>();
        /** Set before the test kills the child: an output that breaks after it is the kill's doing, not a failure. */
        private volatile boolean killed;
                /** Completed when the output ends; exceptionally if reading it failed (the test sees it). */
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Run start(Path copy, TestServer a, Path logDir) throws IOException {
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", ProjectPaths.jar().toString(), "mirror", "--from", a.server.baseUrl(), "--store", copy.toString());
            Run run = new Run(new ProcessBuilder(command).redirectErrorStream(true).start(), logDir.resolve("mirror-" + (++runs) + ".log"));
            Thread reader = new Thread(run::read, "mirror-output-" + runs);
            reader.setDaemon(true);
            reader.start();
            return run;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    out.write(line + "\n");
                    out.flush();
                    Matcher m = APPLIED.matcher(line.strip());
                    synchronized (this) {
                        lines.add(line);
                        if (m.matches()) {
                            applied.add(Long.parseLong(m.group(1)));
                            for (CompletableFuture<Long> w : waiting) {
                                if (!w.isDone()) {
                                    w.complete((long) applied.size());
                                }
                            }
                        }
                    }
                }
                ended.complete(null);
            } catch (IOException e) {
                if (killed) {
                    ended.complete(null); // cut by the kill: its end, not a failure
                } else {
                    ended.completeExceptionally(e);
                }
            } catch (RuntimeException e) {
                ended.completeExceptionally(e);
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        /** The revision of the run's {@code n}-th "Applied revision" line, waiting for it; fails if the run ends first. */
        long applied(int n) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (true) {
                CompletableFuture<Long> more = new CompletableFuture<>();
                synchronized (this) {
                    if (applied.size() >= n) {
                        return applied.get(n - 1);
                    }
                    waiting.add(more);
                }
                try {
                    CompletableFuture.anyOf(more, ended).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    process.destroyForcibly();
                    throw new AssertionError("no applied revision " + n + " after 5 minutes; see " + log, e);
                } catch (ExecutionException e) {
                    throw new AssertionError("reading the mirror's output failed", e.getCause());
                }
                synchronized (this) {
                    if (applied.size() < n && ended.isDone()) {
                        throw new AssertionError("the mirror ended (exit " + process.waitFor() + ") after " + applied.size()
                                + " applied revisions, before the " + n + "-th; see " + log + ": " + lines);
                    }
                }
            }
        }

        /**
         * Kills the run (SIGKILL) once it has applied {@code n} patches, while it has more to apply; returns the last
         * revision it said it committed.
         */
        long killAfterApplied(int n, long head) throws Exception {
            long committed = applied(n);
            assertTrue(committed < head, "the run still had patches to apply: it committed " + committed + " of " + head);
            assertTrue(process.isAlive(), "the run was still applying when killed; see " + log);
            killed = true;
            // SIGKILL through the process's handle: unlike Process.destroyForcibly it leaves the child's output open
            // here, so every line the child wrote before it died is read.
            process.toHandle().destroyForcibly();
            assertEquals(137, process.waitFor(), "it died of the kill (128 + SIGKILL), not of an error; see " + log);
            ended.get(1, TimeUnit.MINUTES); // the output was read to its end without error
            synchronized (this) {
                committed = applied.get(applied.size() - 1); // lines read between the wait and the kill
            }
            assertTrue(committed < head, "the kill fell before the run's last patch: committed " + committed + " of " + head);
            return committed;
        }

        int awaitExit() throws Exception {
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "the mirror did not end within 10 minutes; see " + log);
            ended.get(1, TimeUnit.MINUTES);
            return process.exitValue();
        }
    }
}
