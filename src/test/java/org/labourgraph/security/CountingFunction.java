package org.labourgraph.security;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;

/** A SPARQL extension function on the classpath: a query naming it by {@code <java:…>} must never make it run. */
public final class CountingFunction extends FunctionBase1 {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public NodeValue exec(NodeValue v) {
        CALLS.incrementAndGet();
        return v;
    }
}
