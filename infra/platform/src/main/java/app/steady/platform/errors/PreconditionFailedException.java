package app.steady.platform.errors;

/** The caller's {@code If-Match} version is no longer the current one: they must re-read before writing. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String detail) {
        super(detail);
    }
}
