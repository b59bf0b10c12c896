package org.labourgraph.cli;

import org.labourgraph.config.ServerSettings;

/** Running against an external SPARQL service (--sparql-endpoint). */
final class RemoteMode {
    private RemoteMode() {}

    static int serve(ServerSettings settings) {
        System.err.println("serve: --sparql-endpoint is not available in this build yet; run without it to use the embedded store.");
        return 2;
    }
}
