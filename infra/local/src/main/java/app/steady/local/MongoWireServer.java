package app.steady.local;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs mongo-java-server with its H2 backend as a standalone process: a MongoDB wire-protocol server on a TCP port,
 * persistent in one file. The services reach it through the official driver exactly as they would reach MongoDB.
 * (No transactions and no TTL expiry here; Steady does not depend on either.)
 *
 * <p>Usage: {@code MongoWireServer <port> <h2-file>}
 */
public final class MongoWireServer {

    private MongoWireServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB-wire server listening on 127.0.0.1:" + port + ", data in " + file);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
            stopped.countDown();
        }, "mongo-wire-shutdown"));
        stopped.await();
    }
}
