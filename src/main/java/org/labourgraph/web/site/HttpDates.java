package org.labourgraph.web.site;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (RFC 9110's IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}), as Memento headers carry them. */
public final class HttpDates {
    private static final DateTimeFormatter FIXDATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    /** The Memento request header naming the moment a client asks for. */
    public static final String ACCEPT_DATETIME = "Accept-Datetime";

    private HttpDates() {}

    public static String format(Instant t) {
        return FIXDATE.format(t);
    }

    /** An HTTP date, or empty when {@code text} is not one. */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
