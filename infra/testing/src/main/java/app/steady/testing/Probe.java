package app.steady.testing;

import app.steady.testing.IsolationMatrix.Scope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the isolation matrix calls one endpoint: who it is for (its {@link Scope}, adjusted per party where the service
 * decides otherwise), a valid body, where its path variables come from, and what the rightful callers must be shown.
 * Path variables and {@code {name}} placeholders in the body are filled from the victim's seeded values unless the
 * probe gives a {@link Source} of its own, which is asked again for every round of calls (the outsiders' round, then
 * each rightful caller): a probe whose call changes state (a cancellation, an agreement) seeds a fresh target each time
 * so that each rightful caller can succeed.
 */
public final class Probe {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** What one party must get. */
    public enum Expectation {
        /** 2xx, showing what the probe names: a positive control, without which a refusal proves nothing. */
        ALLOWED,
        /** 403 or 404 as an RFC 9457 problem, without any of the victim's data. */
        REFUSED,
        /**
         * The party's own view of something that is theirs too (their caseload, their tenant's settings): 2xx or a
         * refusal (403, 404, or 409 where their tenant cannot take it, e.g. a client id another tenant uses), never a
         * 400 (the body is valid) and never any of the victim's data.
         */
        OWN_VIEW
    }

    /** A value for a path variable or body placeholder, seeded as a rightful caller would if need be. */
    @FunctionalInterface
    public interface Source {
        String value(Victim victim) throws Exception;
    }

    private final String endpoint;
    private final Scope scope;
    private final Map<Party, Expectation> expectations;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<String> shown = new ArrayList<>();
    private String body;
    private String variant = "";

    private Probe(String endpoint, Scope scope) {
        this.endpoint = endpoint;
        this.scope = scope;
        this.expectations = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            expectations.put(party, scope.expectationOf(party));
        }
    }

    /** A probe of "METHOD /path/{var}", as the service maps it. */
    public static Probe of(String endpoint, Scope scope) {
        return new Probe(endpoint, scope);
    }

    /** A valid body (JSON), with {name} placeholders for seeded values. */
    public Probe body(String template) {
        this.body = template;
        return this;
    }

    /** Where a path variable or placeholder comes from, when not from the victim's seeded value of that name. */
    public Probe with(String name, Source source) {
        sources.put(name, source);
        return this;
    }

    /** Only these parties may call it (e.g. what only the client does); the scope's other rightful callers are refused. */
    public Probe only(Party... parties) {
        expectations.replaceAll((party, expected) -> expected == Expectation.ALLOWED ? Expectation.REFUSED : expected);
        return also(parties);
    }

    /** These parties may call it too. */
    public Probe also(Party... parties) {
        for (Party party : parties) {
            expectations.put(party, Expectation.ALLOWED);
        }
        return this;
    }

    /** These parties get their own view (see {@link Expectation#OWN_VIEW}). */
    public Probe ownView(Party... parties) {
        for (Party party : parties) {
            expectations.put(party, Expectation.OWN_VIEW);
        }
        return this;
    }

    /** Seeded values the rightful callers' answer must contain. */
    public Probe shows(String... names) {
        shown.addAll(List.of(names));
        return this;
    }

    /** Tells this probe from another of the same endpoint (e.g. "an entry the client did not share"). */
    public Probe variant(String description) {
        this.variant = " [" + description + "]";
        return this;
    }

    public String endpoint() {
        return endpoint;
    }

    public Scope scope() {
        return scope;
    }

    Expectation expectationOf(Party party) {
        return expectations.get(party);
    }

    List<String> shown() {
        return shown;
    }

    String bodyTemplate() {
        return body;
    }

    String name() {
        return endpoint + variant;
    }

    /** The values of one round of calls: the victim's, overridden by the probe's sources (asked anew each time). */
    Map<String, String> target(Victim victim) throws Exception {
        Map<String, String> values = new LinkedHashMap<>(victim.values());
        for (Map.Entry<String, Source> source : sources.entrySet()) {
            values.put(source.getKey(), source.getValue().value(victim));
        }
        return values;
    }

    /** The template (a path or a body) with each {name} replaced by its value. */
    static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("No value for {" + matcher.group(1) + "} in " + template);
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }
}
