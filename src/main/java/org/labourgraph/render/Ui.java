package org.labourgraph.render;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The interface's words in one language (messages_fr / messages_en), and the language itself. */
public final class Ui {
    public static final String FR = "fr";
    public static final String EN = "en";

    private final String lang;
    private final ResourceBundle bundle;

    private Ui(String lang) {
        this.lang = lang;
        this.bundle = ResourceBundle.getBundle("org.labourgraph.render.messages", Locale.forLanguageTag(lang),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static final Ui FRENCH = new Ui(FR);
    private static final Ui ENGLISH = new Ui(EN);

    public static Ui of(String lang) {
        return FR.equals(lang) ? FRENCH : ENGLISH;
    }

    public static boolean supported(String lang) {
        return FR.equals(lang) || EN.equals(lang);
    }

    public String lang() {
        return lang;
    }

    /** The other interface language (the one the switch offers). */
    public String other() {
        return FR.equals(lang) ? EN : FR;
    }

    public String t(String key) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** A message with {0}, {1}… filled in. */
    public String t(String key, Object... args) {
        String s = t(key);
        for (int i = 0; i < args.length; i++) {
            s = s.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return s;
    }
}
