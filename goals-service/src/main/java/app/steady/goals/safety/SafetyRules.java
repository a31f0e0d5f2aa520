package app.steady.goals.safety;

import app.steady.platform.errors.FieldError;
import app.steady.platform.web.PrivateAddresses;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes safety settings usable: every on-call contact can be reached (an e-mail or a pager webhook), every crisis
 * resource can be used by a client (a phone or text line or a web page) in a stated locale, and a high-priority flag
 * escalates within minutes, not days. Reports every broken rule at once, each naming its field as the request does
 * ({@code onCallContacts[0].email}); the limits are those of the published event's schema.
 */
class SafetyRules {

    static final int MAX_ON_CALL_CONTACTS = 20;
    static final int MAX_CRISIS_RESOURCES = 50;
    static final Duration MAX_ESCALATION = Duration.ofHours(24);

    private static final int MAX_NAME = 200;
    private static final int MAX_EMAIL = 320;
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 500;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{3,40}");
    /** BCP 47 as the event schema accepts it: a language and subtags (no extensions or private use). */
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final boolean allowHttpPagerUrls;
    private final boolean allowPrivatePagerHosts;
    private final Duration minEscalation;

    SafetyRules(SafetyProperties properties) {
        this.allowHttpPagerUrls = properties.allowHttpPagerUrls();
        this.allowPrivatePagerHosts = properties.allowPrivatePagerHosts();
        this.minEscalation = properties.minEscalation();
    }

    /**
     * @throws InvalidRequestException naming every field that breaks a rule
     */
    SafetyContent check(SafetySettingsProposal proposal) {
        List<FieldError> errors = new ArrayList<>();
        List<OnCallContact> contacts = onCallContacts(proposal.onCallContacts(), errors);
        List<CrisisResource> resources = crisisResources(proposal.crisisResources(), errors);
        Duration escalation = escalation(proposal.highPriorityEscalationAfter(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new SafetyContent(contacts, resources, escalation);
    }

    private List<OnCallContact> onCallContacts(List<OnCallContact> given, List<FieldError> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(new FieldError("onCallContacts", "at least one on-call contact is required: someone reachable"
                    + " by e-mail or pager who takes a risk flag when the treating therapist cannot"));
            return List.of();
        }
        if (given.size() > MAX_ON_CALL_CONTACTS) {
            errors.add(new FieldError("onCallContacts", "at most " + MAX_ON_CALL_CONTACTS + " on-call contacts"));
            return List.of();
        }
        List<OnCallContact> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "onCallContacts[" + i + "]";
            OnCallContact contact = given.get(i);
            if (contact == null) {
                errors.add(new FieldError(at, "must be a contact with a name and an e-mail or a pager URL"));
                continue;
            }
            String email = blankToNull(contact.email());
            String pagerUrl = blankToNull(contact.pagerUrl());
            checked.add(new OnCallContact(name(contact.name(), at, errors), email(email, at + ".email", errors),
                    phone(contact.phone(), at + ".phone", errors),
                    pagerUrl(pagerUrl, at + ".pagerUrl", errors)));
            if (email == null && pagerUrl == null) {
                errors.add(new FieldError(at, "needs an e-mail or a pager URL: an on-call contact must be reachable"));
            }
        }
        return checked;
    }

    private List<CrisisResource> crisisResources(List<CrisisResource> given, List<FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_CRISIS_RESOURCES) {
            errors.add(new FieldError("crisisResources", "at most " + MAX_CRISIS_RESOURCES + " crisis resources"));
            return List.of();
        }
        List<CrisisResource> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "crisisResources[" + i + "]";
            CrisisResource resource = given.get(i);
            if (resource == null) {
                errors.add(new FieldError(at, "must be a resource with a name, a locale and a phone, text line or URL"));
                continue;
            }
            String phone = phone(resource.phone(), at + ".phone", errors);
            String text = text(resource.text(), at + ".text", errors);
            String url = url(blankToNull(resource.url()), at + ".url", false, errors);
            checked.add(new CrisisResource(name(resource.name(), at, errors), phone, text, url,
                    locale(resource.locale(), at + ".locale", errors)));
            if (blankToNull(resource.phone()) == null && blankToNull(resource.text()) == null
                    && blankToNull(resource.url()) == null) {
                errors.add(new FieldError(at, "needs a phone number, a text line or a URL: a way for the client to get help"));
            }
        }
        return checked;
    }

    private Duration escalation(String given, List<FieldError> errors) {
        String field = "highPriorityEscalationAfter";
        if (blankToNull(given) == null) {
            return TenantSafetySettings.DEFAULT_HIGH_PRIORITY_ESCALATION;
        }
        Duration escalation;
        try {
            escalation = Duration.parse(given.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT15M"));
            return null;
        }
        if (escalation.compareTo(minEscalation) < 0 || escalation.compareTo(MAX_ESCALATION) > 0) {
            errors.add(new FieldError(field, "must be between " + minEscalation + " and " + MAX_ESCALATION
                    + ": an unacknowledged high-priority flag goes to on-call within minutes, not days"));
            return null;
        }
        return escalation;
    }

    private static String name(String given, String at, List<FieldError> errors) {
        String name = blankToNull(given);
        if (name == null) {
            errors.add(new FieldError(at + ".name", "is required"));
        } else if (name.length() > MAX_NAME || CONTROL.matcher(name).find()) {
            errors.add(new FieldError(at + ".name", "must be at most " + MAX_NAME + " characters, without control characters"));
        }
        return name;
    }

    private static String text(String given, String field, List<FieldError> errors) {
        String text = blankToNull(given);
        if (text != null && (text.length() > MAX_TEXT || CONTROL.matcher(text).find())) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters, without control characters"));
        }
        return text;
    }

    private static String email(String email, String field, List<FieldError> errors) {
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(new FieldError(field, "must be an e-mail address such as oncall@provider.example"));
        }
        return email;
    }

    private static String phone(String given, String field, List<FieldError> errors) {
        String phone = blankToNull(given);
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 3)) {
            errors.add(new FieldError(field, "must be a phone number: digits, spaces, + ( ) and - only"));
        }
        return phone;
    }

    /** A pager URL: as {@link #url}, and on a public host unless the deployment allows private ones. */
    private String pagerUrl(String url, String field, List<FieldError> errors) {
        int before = errors.size();
        String checked = url(url, field, allowHttpPagerUrls, errors);
        if (checked != null && errors.size() == before && !allowPrivatePagerHosts
                && PrivateAddresses.isPrivateHost(URI.create(checked).getHost())) {
            errors.add(new FieldError(field, "must name a public host, not a private, loopback or internal address"));
        }
        return checked;
    }

    /** An absolute https (or, where allowed, http) URL with a host and no credentials in it. */
    private static String url(String url, String field, boolean allowHttp, List<FieldError> errors) {
        if (url == null) {
            return null;
        }
        String schemes = allowHttp ? "an https or http URL" : "an https URL";
        URI uri;
        try {
            uri = url.length() > MAX_URL ? null : new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || !(scheme.equals("https") || allowHttp && scheme.equals("http"))
                || uri.getHost() == null || uri.getHost().isBlank()) {
            errors.add(new FieldError(field, "must be " + schemes + " of at most " + MAX_URL + " characters"));
        } else if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError(field, "must not contain credentials (user:password@); keep secrets out of settings"));
        }
        return url;
    }

    private static String locale(String given, String field, List<FieldError> errors) {
        String tag = blankToNull(given);
        if (tag == null) {
            errors.add(new FieldError(field, "is required: a BCP 47 language tag such as en-GB"));
            return null;
        }
        try {
            if (LOCALE.matcher(tag).matches()) {
                return new Locale.Builder().setLanguageTag(tag).build().toLanguageTag();
            }
        } catch (IllformedLocaleException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a BCP 47 language tag such as en-GB"));
        return tag;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
