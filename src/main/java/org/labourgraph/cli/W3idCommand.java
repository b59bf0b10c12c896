package org.labourgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.labourgraph.vocab.LG;
import org.labourgraph.web.W3idRedirects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code labourgraph w3id --target URL}: the w3id.org rules (.htaccess + README) that send the project's IRIs to a deployment. */
@Command(name = "w3id", mixinStandardHelpOptions = true,
        description = {"Write the w3id.org redirect rules for " + LG.DEFAULT_BASE + " towards a deployment: .htaccess and README.md,"
                + " the two files of a pull request to the w3id.org repository (README.md says how to submit it).",
                "/id/... answers 303 to the deployment's /doc/..., as the server does; every other path redirects to the same path"
                        + " there, where the server negotiates HTML or RDF by Accept."})
public final class W3idCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "URL",
            description = "The deployment's base URL, e.g. https://labourgraph.example.org/")
    String target;

    @Option(names = "--output", paramLabel = "DIR", description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path output = Path.of("deploy", "w3id");

    @Override
    public Integer call() throws IOException {
        W3idRedirects redirects = W3idRedirects.to(target);
        Path written = redirects.writeTo(output);
        System.out.println("w3id: wrote " + written + " and " + written.resolveSibling(W3idRedirects.README) + " ("
                + LG.DEFAULT_BASE + " -> " + redirects.target() + ")");
        return 0;
    }
}
