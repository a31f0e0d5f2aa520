package app.steady.platform.web;

/** The shape of ids in URLs and bodies (users, clients, resources): short, URL-safe, no spaces. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9._:-]{1,64}";

    private Ids() {
    }
}
