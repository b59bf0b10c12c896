package org.labourgraph.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import picocli.CommandLine.Option;

/** Options shared by the commands that open the store or talk to a SPARQL service. */
final class ServerOptions {
    @Option(names = "--store", paramLabel = "DIR", description = "TDB2 store folder (default: ./store, created on first start).")
    Path store;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = ServerSettings.DEFAULT_PORT;

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all).")
    String host = "127.0.0.1";

    @Option(names = "--base", paramLabel = "IRI", description = "Base of the IRIs the graph mints (default: https://w3id.org/labourgraph/).")
    String base;

    @Option(names = "--query-timeout", paramLabel = "SECONDS",
            description = "Longest a query may run, in seconds (default: ${DEFAULT-VALUE}); clients can ask for less, never more.")
    double queryTimeoutSeconds = ServerSettings.DEFAULT_QUERY_TIMEOUT.toSeconds();

    @Option(names = "--max-rows", description = "Most rows a SELECT returns; past it results are cut and say so (default: ${DEFAULT-VALUE}).")
    int maxRows = ServerSettings.DEFAULT_ROW_CAP;

    @Option(names = "--max-request-size", paramLabel = "BYTES", description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes = ServerSettings.DEFAULT_MAX_REQUEST_BYTES;

    @Option(names = "--passwd", paramLabel = "FILE",
            description = "Realm-properties file (user: password, role) enabling authenticated writes for roles curator and admin.")
    Path passwd;

    @Option(names = "--sparql-endpoint", paramLabel = "URL", description = "Use this external SPARQL 1.1 query service instead of the embedded store.")
    URI sparqlEndpoint;

    @Option(names = "--update-endpoint", paramLabel = "URL", description = "External SPARQL 1.1 update service (with --sparql-endpoint).")
    URI updateEndpoint;

    @Option(names = "--graph-store", paramLabel = "URL", description = "External Graph Store Protocol service (with --sparql-endpoint).")
    URI graphStore;

    @Option(names = "--data-graphs", paramLabel = "GRAPHS",
            description = "With --sparql-endpoint: which graphs of the external store are the public data. 'discover' (default):"
                    + " its named graphs under " + org.labourgraph.vocab.LG.GRAPH_NS + ", listed from the store; graph IRIs separated"
                    + " by commas; or 'store-default': the store's default graph already is the data (union default graph).")
    String dataGraphs;

    @Option(names = "--remote-user", paramLabel = "NAME", description = "User for the external service's authentication.")
    String remoteUser;

    @Option(names = "--remote-password-env", paramLabel = "VAR",
            description = "Name of the environment variable holding the external service's password (never on the command line).")
    String remotePasswordEnv;

    ServerSettings toSettings(Path projectRoot) {
        ServerSettings s = ServerSettings.defaults(projectRoot)
                .withPort(port)
                .withHost(host)
                .withQueryTimeout(Duration.ofMillis(Math.round(queryTimeoutSeconds * 1000)))
                .withResultRowCap(maxRows)
                .withMaxRequestBytes(maxRequestBytes)
                .withStoreDir(store != null ? store.toAbsolutePath() : projectRoot.resolve("store"));
        if (base != null) {
            s = s.withBaseIri(base);
        }
        if (passwd != null) {
            s = s.withPasswordFile(passwd.toAbsolutePath());
        }
        if (sparqlEndpoint != null) {
            Optional<RemoteEndpoint.Credentials> credentials = Optional.empty();
            if (remoteUser != null) {
                String password = remotePasswordEnv == null ? null : System.getenv(remotePasswordEnv);
                if (password == null) {
                    throw new org.labourgraph.config.InvalidSettingException("--remote-user needs --remote-password-env VAR naming a set environment variable");
                }
                credentials = Optional.of(new RemoteEndpoint.Credentials(remoteUser, password));
            }
            s = s.withRemote(new RemoteEndpoint(sparqlEndpoint, Optional.ofNullable(updateEndpoint), Optional.ofNullable(graphStore),
                    credentials, dataGraphs == null ? DataGraphs.DISCOVERED : DataGraphs.parse(dataGraphs)));
        } else if (updateEndpoint != null || graphStore != null || dataGraphs != null) {
            throw new org.labourgraph.config.InvalidSettingException("--update-endpoint, --graph-store and --data-graphs go with --sparql-endpoint URL");
        }
        return s;
    }
}
