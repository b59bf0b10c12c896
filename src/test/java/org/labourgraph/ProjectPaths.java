package org.labourgraph;

import java.nio.file.Path;

/**
 * Where the project under test lives. Surefire/failsafe are meant to pass {@code labourgraph.root} and
 * {@code labourgraph.jar}; when they do not, Maven's working directory is the project folder.
 */
public final class ProjectPaths {
    private ProjectPaths() {}

    /** The project folder (holding ontology/ and data/). */
    public static Path root() {
        String root = System.getProperty("labourgraph.root");
        return Path.of(root != null && !root.isBlank() ? root : System.getProperty("user.dir")).toAbsolutePath();
    }

    /** The runnable jar built by {@code mvn package}. */
    public static Path jar() {
        String jar = System.getProperty("labourgraph.jar");
        return jar != null && !jar.isBlank() ? Path.of(jar) : root().resolve("target").resolve("labourgraph.jar");
    }
}
