package app.steady.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link MongoWireServer} as a child process, persistent under {@code dataDir}. */
public class MongoWireServerProcess {

    private final Path dataDir;
    private final int port;
    private final ManagedProcess process;

    public MongoWireServerProcess(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = new ManagedProcess("mongodb-wire", dataDir.resolve("mongodb-wire.log"));
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    public void start() {
        start(List.of());
    }

    /** Starts it with extra JVM options (the benchmark harness's profiler). */
    public void start(List<String> jvmOptions) {
        if (Waits.portOpen(port)) {
            throw new IllegalStateException("Port " + port + " is taken: is another MongoDB running? "
                    + "Set MONGODB_URI to use it instead");
        }
        List<String> command = new ArrayList<>(List.of("-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MongoWireServer.class.getName(),
                Integer.toString(port), dataDir.resolve("steady.mv.db").toAbsolutePath().toString()));
        process.start(ManagedProcess.java(command.toArray(String[]::new)), Map.of());
        Waits.until("the MongoDB-wire server on port " + port, Duration.ofSeconds(60),
                () -> process.isAlive() && Waits.portOpen(port));
    }

    public void stop() {
        process.stop();
    }

    public void kill() {
        process.kill();
    }
}
