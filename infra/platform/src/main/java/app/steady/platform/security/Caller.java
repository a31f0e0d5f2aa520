package app.steady.platform.security;

/** The authenticated caller of an API request, taken from its token. */
public record Caller(String tenantId, String userId, Role role) {

    public boolean is(Role expected) {
        return role == expected;
    }

    /** True when the caller is the client the information belongs to. */
    public boolean isClient(String clientId) {
        return role == Role.CLIENT && userId.equals(clientId);
    }
}
