package org.labourgraph.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A labourgraph server in external mode ({@code serve --sparql-endpoint}) over the bench's standalone Fuseki, whose
 * default graph is already the union of the data graphs ({@code --data-graphs store-default}): the pages of the same
 * store read over HTTP from another process, as a front-end over a store of its own would read them.
 */
final class ExternalFrontEnd implements AutoCloseable {
    private final ChildProcess process;
    private final URI base;

    private ExternalFrontEnd(ChildProcess process, URI base) {
        this.process = process;
        this.base = base;
    }

    static ExternalFrontEnd start(BenchmarkRun.Plan plan, Path folder, URI sparql) throws IOException, InterruptedException {
        int port = FreePort.find();
        ChildProcess server = ChildProcess.start(List.of(ChildProcess.javaBinary(), "-Xmx" + plan.serverHeap(), "-jar",
                plan.jar().toString(), "serve", "--host", "127.0.0.1", "--port", Integer.toString(port), "--root",
                plan.root().toString(), "--sparql-endpoint", sparql.toString(), "--data-graphs", "store-default"),
                plan.root(), folder.resolve("serve-external.log"), Map.of());
        URI base = URI.create("http://127.0.0.1:" + port + "/");
        try {
            server.awaitHttp(base.resolve("health"), Duration.ofMinutes(5));
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
        return new ExternalFrontEnd(server, base);
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
