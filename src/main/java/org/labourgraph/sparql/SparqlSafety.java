package org.labourgraph.sparql;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.SchemeRouter;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.modify.UpdateEngine;
import org.apache.jena.sparql.modify.UpdateEngineFactory;
import org.apache.jena.sparql.modify.UpdateEngineMain;
import org.apache.jena.sparql.modify.UpdateEngineRegistry;
import org.apache.jena.sparql.modify.UpdateEngineWorker;
import org.apache.jena.sparql.modify.request.UpdateLoad;
import org.apache.jena.sparql.modify.request.UpdateVisitor;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.labourgraph.vocab.LG;
import org.apache.jena.query.QueryBuildException;

/**
 * Closes, for the whole JVM, what Jena leaves open by default (STACK.md, "Traps"): SPARQL SERVICE (outbound
 * HTTP chosen by the client), update LOAD (reads any URL, file: included), and extension functions or property
 * functions loaded by class name ({@code <java:…>}), and remote JSON-LD contexts. Script functions stay off (Jena's default: the
 * {@code jena:scripting} system property is not set).
 */
public final class SparqlSafety {
    private static volatile boolean installed;

    private SparqlSafety() {}

    public static synchronized void install() {
        if (installed) {
            return;
        }
        Context global = ARQ.getContext();
        global.set(ARQ.httpServiceAllowed, false);
        FunctionRegistry.set(global, new NoDynamicFunctions(FunctionRegistry.get()));
        PropertyFunctionRegistry.set(global, new NoDynamicPropertyFunctions(PropertyFunctionRegistry.get()));
        UpdateEngineRegistry.get().add(LOAD_REFUSING_ENGINE);
        refuseRemoteJsonLdContexts();
        installed = true;
    }

    /**
     * Jena reads JSON-LD with Titanium, whose default document loader fetches any {@code @context} URL (http,
     * https, file). Every JSON-LD parse in this JVM — Graph Store uploads included — uses that default, so it is
     * replaced once, here, by one that refuses.
     */
    private static void refuseRemoteJsonLdContexts() {
        DocumentLoader refuse = (url, options) -> {
            throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED, "Remote JSON-LD context <" + url
                    + "> is not fetched by this server: put the context inline (\"@context\": { … }).");
        };
        ((SchemeRouter) SchemeRouter.defaultInstance()).set("http", refuse).set("https", refuse).set("file", refuse);
    }

    /** The message for an update that would leave content marked private in the public store (ASCII: Fuseki's error pages count chars as bytes). */
    public static final String PRIVATE_REFUSED = "This update would put content marked private (lg:visibility lg:Private)"
            + " into the public store, which everyone can read. Private notes go to the curators' store:"
            + " labourgraph load --visibility private FILE... (server stopped). Nothing was written.";

    /** The message a client gets for LOAD. */
    public static final String LOAD_REFUSED = "SPARQL Update LOAD is disabled on this server: it would read a URL or a file"
            + " chosen by the client. Send the data itself (INSERT DATA, or the Graph Store Protocol on /data).";

    private static final UpdateEngineFactory LOAD_REFUSING_ENGINE = new UpdateEngineFactory() {
        @Override
        public boolean accept(DatasetGraph dataset, Context context) {
            return true;
        }

        @Override
        public UpdateEngine create(DatasetGraph dataset, Binding inputBinding, Context context) {
            return new UpdateEngineMain(dataset, inputBinding, context) {
                /** Runs after the last operation, inside the request's write transaction: a refusal rolls it all back. */
                @Override
                public void finishRequest() {
                    if (dataset.find(Node.ANY, Node.ANY, LG.visibility.asNode(), LG.Private.asNode()).hasNext()) {
                        throw new QueryBuildException(PRIVATE_REFUSED);
                    }
                    super.finishRequest();
                }

                @Override
                protected UpdateVisitor prepareWorker() {
                    return new UpdateEngineWorker(dataset, inputBinding, context) {
                        @Override
                        public void visit(UpdateLoad update) {
                            // Thrown inside the update's write transaction: earlier operations of the request roll back too.
                            // QueryBuildException: Fuseki answers 400 with this message.
                            throw new QueryBuildException(LOAD_REFUSED);
                        }
                    };
                }
            };
        }
    };

    /** Function registry that never loads a class named by a {@code java:} IRI. */
    private static final class NoDynamicFunctions extends FunctionRegistry {
        NoDynamicFunctions(FunctionRegistry from) {
            from.keys().forEachRemaining(uri -> put(uri, from.get(uri)));
        }

        @Override
        public FunctionFactory get(String uri) {
            if (uri.startsWith("java:") && !isRegistered(uri)) {
                return null;
            }
            return super.get(uri);
        }
    }

    /** Property-function registry that never loads a class named by a {@code java:} IRI. */
    private static final class NoDynamicPropertyFunctions extends PropertyFunctionRegistry {
        NoDynamicPropertyFunctions(PropertyFunctionRegistry from) {
            from.keys().forEachRemaining(uri -> put(uri, from.get(uri)));
        }

        @Override
        public boolean manages(String uri) {
            return uri.startsWith("java:") ? isRegistered(uri) : super.manages(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            if (uri.startsWith("java:") && !isRegistered(uri)) {
                return null;
            }
            return super.get(uri);
        }
    }
}
