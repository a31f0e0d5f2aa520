package app.steady.platform.security;

/** The token claims Steady reads besides the standard ones. */
public final class Claims {

    public static final String TENANT = "tenant";
    public static final String ROLE = "role";

    private Claims() {
    }
}
