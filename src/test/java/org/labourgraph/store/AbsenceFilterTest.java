package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;

/** The import's filter never calls a stored triple absent, and does call most others absent. */
class AbsenceFilterTest {
    private static final Node G = NodeFactory.createURI("urn:g");
    private static final Node P = NodeFactory.createURI("urn:p");

    private static Node s(int i) {
        return NodeFactory.createURI("urn:s" + i);
    }

    private static Node label(int i) {
        return NodeFactory.createLiteralLang("label " + i, "en");
    }

    private static DatasetGraph storeWith(int quads) {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(tdb, () -> {
            for (int i = 0; i < quads; i++) {
                tdb.add(G, s(i), P, label(i));
            }
            tdb.getDefaultGraph().add(s(-1), P, s(-2)); // TDB2's triple table is read too
        });
        return tdb;
    }

    @Test
    void what_the_store_holds_or_the_import_wrote_is_never_said_absent_and_most_else_is() {
        DatasetGraph tdb = storeWith(2_000);
        AbsenceFilter filter = Txn.calculateRead(tdb, () -> AbsenceFilter.over(tdb, 50_000));
        assertTrue(filter.knowsSomething());
        for (int i = 0; i < 2_000; i++) {
            assertFalse(filter.surelyAbsent(s(i), P, label(i)), "stored " + i);
        }
        assertFalse(filter.surelyAbsent(s(-1), P, s(-2)), "in the default graph");
        for (int i = 2_000; i < 52_000; i++) {
            filter.noteStored(s(i), P, label(i));
        }
        int absent = 0;
        for (int i = 0; i < 52_000; i++) {
            assertFalse(filter.surelyAbsent(s(i), P, label(i)), "written " + i);
            if (filter.surelyAbsent(s(i), P, label(i + 1))) {
                absent++;
            }
        }
        assertTrue(absent > 51_000, "triples never written, said absent: " + absent + " of 52000");
    }

    @Test
    void a_value_typed_literal_is_never_said_absent_since_tdb2_stores_01_and_1_as_one_integer() {
        DatasetGraph tdb = storeWith(10);
        AbsenceFilter filter = Txn.calculateRead(tdb, () -> AbsenceFilter.over(tdb, 100));
        Node one = NodeFactory.createLiteralDT("1", XSDDatatype.XSDinteger);
        Node zeroOne = NodeFactory.createLiteralDT("01", XSDDatatype.XSDinteger);
        filter.noteStored(s(1), P, one);
        assertFalse(filter.surelyAbsent(s(1), P, zeroOne));
        assertFalse(filter.surelyAbsent(s(2), P, zeroOne));
        assertTrue(filter.surelyAbsent(s(2), P, NodeFactory.createLiteralString("01")), "a plain string is its own term");
    }

    @Test
    void over_a_store_larger_than_it_may_read_it_knows_nothing_and_every_triple_is_looked_up() {
        DatasetGraph tdb = storeWith(1_000);
        AbsenceFilter filter = Txn.calculateRead(tdb, () -> AbsenceFilter.over(tdb, 10, 999));
        assertFalse(filter.knowsSomething());
        assertFalse(filter.surelyAbsent(s(5_000), P, label(5_000)));
        assertFalse(AbsenceFilter.none().surelyAbsent(s(1), P, label(1)));
    }
}
