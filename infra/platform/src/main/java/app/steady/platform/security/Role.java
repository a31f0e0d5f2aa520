package app.steady.platform.security;

/** What a caller is to the platform; carried in the token's {@code role} claim. */
public enum Role {
    /** A person in therapy: reads and writes only their own information. */
    CLIENT,
    /** A clinician: sees only the clients on their caseload, within their tenant. */
    THERAPIST,
    /** A provider's administrator: manages caseloads and tenant settings within their tenant. */
    ADMIN,
    /** Operations: metrics and other management endpoints, no client information. */
    OPERATOR
}
