package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The report says what the figures say: medians with their range, ratios against their targets, the plot. */
class BenchmarkReportTest {

    private static BenchmarkReport.Context context() {
        return new BenchmarkReport.Context("java -jar target/labourgraph.jar bench all --sizes 1e5", "2026-01-01T00:00Z", 12.0,
                List.of("CPU: test", "RAM: 1 GiB"), "nothing else", 3, 10, 16, "wrk (/usr/bin/wrk)");
    }

    private static BenchResults results() {
        BenchResults r = new BenchResults();
        r.triplesInFile(100_000, 99_926);
        for (double v : new double[] {40_000, 50_000, 45_000}) {
            r.add(100_000, "load/labourgraph", "triples/s", v);
        }
        for (double v : new double[] {90_000, 100_000, 95_000}) {
            r.add(100_000, "load/tdbloader", "triples/s", v);
        }
        r.add(100_000, "sparql/lookup/labourgraph", "req/s", 980);
        r.add(100_000, "sparql/lookup/fuseki", "req/s", 1000);
        r.add(100_000, "sparql/lookup/labourgraph", "p99 ms", 12);
        r.add(100_000, "page/static", "req/s", 10_000);
        r.add(100_000, "page/concept", "req/s", 6_000);
        r.add(100_000, "page/concept", "p99 ms", 30);
        r.add(100_000, "page/concept", "queries", 3);
        r.add(100_000, "page/concept", "queries", 2);
        return r;
    }

    @Test
    void load_figures_are_medians_with_their_range_and_the_ratio_of_medians_against_its_target() {
        String md = BenchmarkReport.render(results(), context());
        assertTrue(md.contains("| 99,926 | 45,000 (40,000–50,000) | 95,000 (90,000–100,000) | 0.47× |"), md);
        assertTrue(md.contains("| load: labourgraph ÷ tdb2.tdbloader (triples/s) | 99,926 | 0.47× | ≥ 0.80× (**missed**) |"), md);
    }

    @Test
    void pages_over_an_external_store_are_set_beside_the_embedded_ones_rendered_afresh_against_half_their_rate() {
        BenchResults r = results();
        r.add(100_000, BenchmarkRun.EMBEDDED_AFRESH, "req/s", 400);
        r.add(100_000, BenchmarkRun.EMBEDDED_AFRESH, "queries", 3);
        r.add(100_000, BenchmarkRun.EXTERNAL_AFRESH, "req/s", 180);
        r.add(100_000, BenchmarkRun.EXTERNAL_AFRESH, "queries", 3);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| concept page rendered afresh: external mode over Fuseki ÷ embedded (req/s) | 99,926 | 0.45× | ≥ 0.50× (**missed**) |"), md);
        assertTrue(md.contains("### Over an external store"), md);
        assertTrue(md.contains("| 99,926 | external mode over Fuseki | 180 |"), md);
        assertTrue(md.contains("| 99,926 | embedded | 400 |"), md);
    }

    @Test
    void the_store_on_disk_is_set_beside_tdbloader_s_database_after_the_load_and_after_the_first_serve_against_twice_it() {
        BenchResults r = results();
        r.add(100_000, "disk/tdbloader", "MiB", 100);
        r.add(100_000, "disk/after-load", "MiB", 180);
        r.add(100_000, "disk/after-load/tdb2", "MiB", 150);
        r.add(100_000, "disk/after-load/text", "MiB", 20);
        r.add(100_000, "disk/after-load/history", "MiB", 10);
        r.add(100_000, "disk/after-first-serve", "MiB", 250);
        r.add(100_000, "disk/after-first-serve/tdb2", "MiB", 210);
        r.add(100_000, "disk/after-first-serve/text", "MiB", 25);
        r.add(100_000, "disk/after-first-serve/history", "MiB", 15);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| store on disk after load: labourgraph ÷ tdb2.tdbloader's database | 99,926 | 1.80× | ≤ 2× (met) |"), md);
        assertTrue(md.contains("| store on disk after first serve: labourgraph ÷ tdb2.tdbloader's database | 99,926 | 2.50× | ≤ 2× (**missed**) |"), md);
        assertTrue(md.contains("| 99,926 | 100 | 180 (150 / 20 / 10) | 250 (210 / 25 / 15) |"), md);
        assertFalse(BenchmarkReport.render(results(), context()).contains("store on disk after"), "not measured, not shown");
    }

    @Test
    void the_load_shows_what_tdbloader_reaches_given_the_quads_labourgraph_writes() {
        BenchResults r = results();
        r.add(100_000, "load/tdbloader-same-quads", "triples/s", 50_000);
        r.add(100_000, "load/quads-written", "quads", 180_000);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| 99,926 | 45,000 (40,000–50,000) | 95,000 (90,000–100,000) | 0.47× | 180,000 | 50,000 | 0.53× | 0.90× |"), md);
        assertTrue(md.contains("| load: tdb2.tdbloader given the quads labourgraph writes ÷ tdb2.tdbloader on the file | 99,926 | 0.53× |"), md);
    }

    @Test
    void the_load_shows_jena_s_one_transaction_loader_on_the_same_quads_and_says_when_the_target_is_out_of_its_reach() {
        String md = renderWithJenaLoadersOnOurQuads(50_000, 40_000);
        assertTrue(md.contains("| 99,926 | 40,000 | 0.42× | 1.13× |"), md);
        assertTrue(md.contains("| load: tdb2.tdbloader --loader=basic (one transaction) given those quads ÷ tdb2.tdbloader on the file"
                + " | 99,926 | 0.42× |"), md);
        assertTrue(md.contains("Jena's own loaders reach at most 0.53× of tdb2.tdbloader's rate on the file (the best loader at the"
                + " best size), below the ≥ 0.80× target"), md);
    }

    @Test
    void the_load_makes_no_out_of_reach_claim_when_jena_s_loader_reaches_the_target_on_the_same_quads() {
        String md = renderWithJenaLoadersOnOurQuads(60_000, 90_000); // the one-transaction loader can be the faster
        assertTrue(md.contains("| 99,926 | 90,000 | 0.95× | 0.50× |"), md);
        assertFalse(md.contains("reaches at most"), md);
    }

    /** The report with tdb2.tdbloader's default and basic loaders given labourgraph's quads, at these rates. */
    private static String renderWithJenaLoadersOnOurQuads(double defaultLoader, double basicLoader) {
        BenchResults r = results();
        r.add(100_000, "load/tdbloader-same-quads", "triples/s", defaultLoader);
        r.add(100_000, "load/tdbloader-basic-same-quads", "triples/s", basicLoader);
        return BenchmarkReport.render(r, context());
    }

    @Test
    void the_start_up_section_says_when_the_first_start_s_warm_ups_were_done() {
        BenchResults r = results();
        r.add(100_000, "first-start", "s", 4.2);
        r.add(100_000, "first-start/warm-ups-done", "s", 9.5);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| 99,926 | not measured at this size | – | 4.2 | 9.5 |"), md);
    }

    @Test
    void start_up_is_reported_for_readme_s_command_and_for_plain_java_jar_each_against_the_target() {
        BenchResults r = results();
        for (double v : new double[] {1.9, 1.8, 2.0}) {
            r.add(100_000, StartupLaunch.README_KEY, "s", v);
        }
        for (double v : new double[] {3.4, 3.3, 3.6}) {
            r.add(100_000, StartupLaunch.PLAIN_KEY, "s", v);
        }
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| start to first answer, README's serve command | 99,926 | 1.90 s | ≤ 3 s (met) |"), md);
        assertTrue(md.contains("| start to first answer, plain `java -jar` (no class archive) | 99,926 | 3.40 s | ≤ 3 s (**missed**) |"), md);
        assertTrue(md.contains("| 99,926 | 1.90 (1.80–2.00) | 3.40 (3.30–3.60) | – | – |"), md);
        assertFalse(md.contains("first serve after the load"), "not measured, not shown");
    }

    @Test
    void the_first_serve_after_the_load_is_in_the_summary_against_the_target_at_a_million_triples() {
        BenchResults r = results();
        r.add(100_000, "first-start", "s", 2.8);
        r.triplesInFile(1_000_000, 1_000_185);
        r.add(1_000_000, "first-start", "s", 3.2);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| first serve after the load, start to first answer (README's serve command, caches cold) | 99,926 | 2.80 s"
                + " | (target at 10^6 only) |"), md);
        assertTrue(md.contains("| first serve after the load, start to first answer (README's serve command, caches cold) | 1,000,185 | 3.20 s"
                + " | ≤ 3 s (**missed**) |"), md);
    }

    @Test
    void a_subtree_move_is_reported_with_its_cost_not_against_the_one_triple_target() {
        BenchResults r = results();
        for (String series : List.of("edit/patch/near-top", CuratorEdits.SUBTREE_MOVE)) {
            r.add(100_000, series, "p50 ms", series.contains("move") ? 435.7 : 27.1);
            r.add(100_000, series, "p99 ms", series.contains("move") ? 684.4 : 55.1);
        }
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("| edit/patch/near-top: one-triple curator edit, median / p99 | 99,926 | 27.1 ms / 55.1 ms"
                + " | ≤ 50 ms / ≤ 200 ms (met) |"), md);
        assertTrue(md.contains("| edit/move-subtree/near-top: subtree move (two links; the subtree's closure is asked, not stored),"
                + " median / p99 | 99,926 | 435.7 ms / 684.4 ms | (no target: two links, not one triple; §7) |"), md);
        assertFalse(md.contains("edit/move-subtree/near-top: one-triple"), md);
    }

    @Test
    void the_sparql_section_says_that_labourgraph_cuts_at_its_row_cap_and_fuseki_does_not() {
        String md = BenchmarkReport.render(results(), context());
        assertTrue(md.contains("labourgraph cuts a result at its row cap"), md);
        assertTrue(md.contains("Fuseki sends everything"), md);
    }

    @Test
    void a_met_target_says_met_and_a_missed_one_says_missed() {
        String md = BenchmarkReport.render(results(), context());
        assertTrue(md.contains("| /sparql lookup: labourgraph ÷ Fuseki (req/s) | 99,926 | 0.98× | ≥ 0.95× (met) |"), md);
        assertTrue(md.contains("| concept page ÷ static file (req/s) | 99,926 | 0.60× | ≥ 0.50× (met) |"), md);
        assertTrue(md.contains("| concept page p99 | 99,926 | 30.0 ms | ≤ 25 ms (**missed**) |"), md);
    }

    @Test
    void queries_per_page_report_the_most_seen() {
        String md = BenchmarkReport.render(results(), context());
        assertTrue(md.contains("| queries per concept request (max seen) | 99,926 | 3 | ≤ 3 (met) |"), md);
    }

    @Test
    void the_report_names_the_machine_the_command_and_what_else_ran() {
        String md = BenchmarkReport.render(results(), context());
        assertTrue(md.contains("`java -jar target/labourgraph.jar bench all --sizes 1e5`"), md);
        assertTrue(md.contains("- CPU: test"), md);
        assertTrue(md.contains("- What else ran: nothing else"), md);
    }

    @Test
    void figures_not_measured_are_left_out_rather_than_shown_as_zero() {
        String md = BenchmarkReport.render(results(), context());
        assertFalse(md.contains("describe"), "no DESCRIBE was measured");
        assertFalse(md.contains("| 0 |"), md);
    }

    @Test
    void the_plot_draws_a_bar_per_size_scaled_to_the_largest() {
        BenchResults r = results();
        r.add(1_000_000, "page/concept", "p99 ms", 60);
        String md = BenchmarkReport.render(r, context());
        assertTrue(md.contains("#".repeat(20) + " ".repeat(20) + "     30.0 ms"), md);
        assertTrue(md.contains("#".repeat(40) + "     60.0 ms"), md);
    }

    @Test
    void a_single_run_shows_one_value_without_a_range() {
        assertEquals("12.0", BenchmarkReport.triple(Stats.of(List.of(12.0)), "%.1f"));
        assertEquals("12.0 (11.0–13.0)", BenchmarkReport.triple(Stats.of(List.of(11.0, 12.0, 13.0)), "%.1f"));
    }
}
