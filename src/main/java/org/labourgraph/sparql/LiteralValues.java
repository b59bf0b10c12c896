package org.labourgraph.sparql;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * The values of numbers and booleans in result rows, read by value rather than by Java class: stores write them in
 * forms of their own (Virtuoso 7 answers a boolean as {@code "1"^^xsd:boolean}, and may type a small number as one),
 * and a page must read the same on any store.
 */
final class LiteralValues {
    private LiteralValues() {}

    /** A number's value as an int (a boolean counts as 1 or 0). */
    static int intOf(Node n) {
        return (int) Math.round(doubleOf(n));
    }

    /** A number's value as a double (a boolean counts as 1 or 0). */
    static double doubleOf(Node n) {
        NodeValue v = NodeValue.makeNode(n);
        if (v.isNumber()) {
            return v.getDouble();
        }
        if (v.isBoolean()) {
            return v.getBoolean() ? 1 : 0;
        }
        return Double.parseDouble(n.getLiteralLexicalForm().strip());
    }

    /** Whether a value is true: a true boolean, or a number other than zero; absent is false. */
    static boolean isTrue(Node n) {
        if (n == null || !n.isLiteral()) {
            return false;
        }
        NodeValue v = NodeValue.makeNode(n);
        if (v.isBoolean()) {
            return v.getBoolean();
        }
        if (v.isNumber()) {
            return v.getDouble() != 0;
        }
        return "true".equalsIgnoreCase(n.getLiteralLexicalForm().strip());
    }
}
