package app.steady.testing;

/**
 * Who calls an endpoint in the isolation matrix, always relative to the victim: the seeded client of one tenant. Each
 * party is a real person of the matrix's two seeded tenants (or the victim's therapist's id under the other tenant's
 * token), so an outsider is never a stranger with nothing of their own but someone a careless query could confuse with
 * the rightful caller.
 */
public enum Party {

    CLIENT("the client themself"),
    THERAPIST("the client's treating therapist"),
    ADMIN("an admin of the client's tenant"),
    OTHER_CLIENT("another client of the same tenant"),
    OTHER_THERAPIST("another therapist of the same tenant (after a reassignment: the former therapist)"),
    OTHER_TENANT_CLIENT("the client of the other tenant"),
    OTHER_TENANT_THERAPIST("the therapist of the other tenant"),
    THERAPIST_ID_IN_OTHER_TENANT("the client's therapist's id in a token of the other tenant"),
    OTHER_TENANT_ADMIN("an admin of the other tenant"),
    OPERATOR("an operator of the client's tenant");

    private final String description;

    Party(String description) {
        this.description = description;
    }

    @Override
    public String toString() {
        return name() + " (" + description + ")";
    }
}
