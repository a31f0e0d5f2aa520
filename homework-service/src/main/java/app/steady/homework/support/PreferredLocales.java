package app.steady.homework.support;

import java.util.List;
import java.util.Locale;

/** The languages a client's app asks for, read from an HTTP {@code Accept-Language} header (RFC 9110 §12.5.4). */
public final class PreferredLocales {

    private PreferredLocales() {
    }

    /**
     * Most preferred first; wildcards and refused ({@code q=0}) ranges left out. A missing or malformed header means no
     * preference: a client must still be offered support, so it never fails the request.
     */
    public static List<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return Locale.LanguageRange.parse(header).stream()
                    .filter(range -> range.getWeight() > 0 && !range.getRange().contains("*"))
                    .map(range -> Locale.forLanguageTag(range.getRange()))
                    .filter(locale -> !locale.getLanguage().isEmpty())
                    .toList();
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}
