package app.steady.platform.errors;

/** The request is valid but conflicts with the resource's current state, e.g. an invalid lifecycle transition. */
public class ConflictException extends RuntimeException {

    private final String code;

    public ConflictException(String code, String detail) {
        super(detail);
        this.code = code;
    }

    /** A stable, machine-readable reason, e.g. {@code INVALID_TRANSITION}. */
    public String code() {
        return code;
    }
}
