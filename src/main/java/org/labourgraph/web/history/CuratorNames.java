package org.labourgraph.web.history;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The names public pages show for curators: never their login (which is half a credential), but a display name from
 * {@code curator-names.properties} beside the password file ({@code login = Display Name}), or "a curator".
 * Changes made by the server itself (loads from ontology/ and data/) show as "labourgraph".
 */
final class CuratorNames {
    static final String FILE_NAME = "curator-names.properties";
    private static final String SYSTEM = "labourgraph";
    private final Map<String, String> names;

    private CuratorNames(Map<String, String> names) {
        this.names = names;
    }

    static CuratorNames beside(Optional<Path> passwordFile) {
        Optional<Path> file = passwordFile.map(p -> p.toAbsolutePath().resolveSibling(FILE_NAME)).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return new CuratorNames(Map.of());
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new org.labourgraph.config.InvalidSettingException(file.get() + " cannot be read: " + e.getMessage());
        }
        return new CuratorNames(p.stringPropertyNames().stream().collect(Collectors.toMap(k -> k, k -> p.getProperty(k).strip())));
    }

    /** The public name of {@code login}, or {@code unnamed} (the page's words for "a curator"). */
    String display(String login, String unnamed) {
        if (login.equals(SYSTEM)) {
            return SYSTEM;
        }
        String name = names.get(login);
        return name == null || name.isEmpty() ? unnamed : name;
    }
}
