package app.steady.platform.consuming;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells failures that will pass by themselves (an unreachable store or broker, a concurrent write) from failures
 * of the event itself. The first kind is retried until it passes; dead-lettering them would throw away good events.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof MongoSocketException
                    || cause instanceof MongoTimeoutException
                    || cause instanceof RetriableException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
