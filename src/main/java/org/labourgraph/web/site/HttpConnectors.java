package org.labourgraph.web.site;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

/** The HTTP settings of a server's connectors, which the server wiring and the error pages both adjust. */
public final class HttpConnectors {
    private HttpConnectors() {
    }

    public static List<HttpConfiguration> httpConfigurations(FusekiServer server) {
        return Arrays.stream(server.getJettyServer().getConnectors())
                .map(c -> c.getConnectionFactory(HttpConnectionFactory.class))
                .filter(Objects::nonNull)
                .map(HttpConnectionFactory::getHttpConfiguration)
                .toList();
    }
}
