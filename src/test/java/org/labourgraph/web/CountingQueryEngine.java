package org.labourgraph.web;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.util.Context;
import org.labourgraph.web.site.WarmUps;

/**
 * Counts every SPARQL execution Jena plans in this JVM, whoever runs it: it sits first in Jena's query-engine
 * registry and hands each query on to the engine that would have run it (TDB2's, ARQ's). It knows nothing of the
 * application's {@code QueryRunner}, so a read that bypasses the runner (and its {@code X-Labourgraph-Queries}
 * count) is counted here all the same.
 *
 * <p>One execution is one count: planning a query over a wrapped dataset (the store's recording and text-index
 * wrappers) asks the registry again for each layer (Jena's {@code QueryEngineFactoryWrapper}), and those nested plans,
 * made on the same thread while the outer one is being made, are not counted again.
 */
public final class CountingQueryEngine implements QueryEngineFactory {
    private static final CountingQueryEngine INSTANCE = new CountingQueryEngine();
    private final AtomicLong plans = new AtomicLong();
    /** How many plans this thread is making, one inside another: only the outermost is an execution. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

    private CountingQueryEngine() {}

    /** The counter, put in front of Jena's engines (once per JVM). */
    public static synchronized CountingQueryEngine install() {
        if (!QueryEngineRegistry.containsFactory(INSTANCE)) {
            QueryEngineRegistry.addFactory(INSTANCE);
        }
        return INSTANCE;
    }

    /**
     * How many SPARQL executions serving {@code request} planned. Background warm-ups queued before it are let
     * finish first, and those it queued are waited for and counted with it.
     */
    public long executionsDuring(ThrowingRunnable request) throws Exception {
        awaitWarmUps();
        long before = plans.get();
        request.run();
        awaitWarmUps();
        return plans.get() - before;
    }

    /** Warm-ups run one at a time, in order: once a marker queued now has run, every earlier one has too. */
    public static void awaitWarmUps() throws InterruptedException {
        CountDownLatch marker = new CountDownLatch(1);
        WarmUps.submit("query-count marker", marker::countDown);
        if (!marker.await(5, TimeUnit.MINUTES)) {
            throw new AssertionError("background warm-ups did not finish");
        }
    }

    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Executions planned so far in this JVM. */
    public long planned() {
        return plans.get();
    }

    /** Waits until at least {@code count} executions have been planned (a query has started, not finished). */
    public void awaitPlanned(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        synchronized (plans) {
            while (plans.get() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no query started: " + plans.get() + " planned, waited for " + count);
                }
                TimeUnit.NANOSECONDS.timedWait(plans, left);
            }
        }
    }

    private void planned(Runnable count) {
        synchronized (plans) {
            count.run();
            plans.notifyAll();
        }
    }

    private QueryEngineFactory next(Query query, DatasetGraph dataset, Context context) {
        for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
            if (f != this && f.accept(query, dataset, context)) {
                return f;
            }
        }
        return null;
    }

    private QueryEngineFactory next(Op op, DatasetGraph dataset, Context context) {
        for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
            if (f != this && f.accept(op, dataset, context)) {
                return f;
            }
        }
        return null;
    }

    @Override
    public boolean accept(Query query, DatasetGraph dataset, Context context) {
        return next(query, dataset, context) != null;
    }

    @Override
    public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
        return counted(() -> next(query, dataset, context).create(query, dataset, inputBinding, context));
    }

    @Override
    public boolean accept(Op op, DatasetGraph dataset, Context context) {
        return next(op, dataset, context) != null;
    }

    @Override
    public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
        return counted(() -> next(op, dataset, context).create(op, dataset, inputBinding, context));
    }

    private Plan counted(Supplier<Plan> plan) {
        int[] d = depth.get();
        if (d[0] == 0) {
            planned(plans::incrementAndGet);
        }
        d[0]++;
        try {
            return plan.get();
        } finally {
            d[0]--;
        }
    }
}
