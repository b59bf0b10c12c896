package org.labourgraph.cli;

import picocli.CommandLine;

/** Version from the jar manifest, "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"labourgraph " + (v == null ? "dev" : v) + " (Apache Jena 5.6.0, Java " + Runtime.version() + ")"};
    }
}
