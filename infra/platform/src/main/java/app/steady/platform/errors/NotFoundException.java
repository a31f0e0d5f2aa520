package app.steady.platform.errors;

/**
 * The resource does not exist for this caller. Also used where it exists but belongs to someone the caller may
 * not see, so that nobody can probe for other people's data.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
