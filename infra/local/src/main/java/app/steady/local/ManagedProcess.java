package app.steady.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process whose output goes to a log file; stopped gracefully (SIGTERM) or killed (SIGKILL). */
public class ManagedProcess {

    private final String name;
    private final Path logFile;
    private Process process;

    public ManagedProcess(String name, Path logFile) {
        this.name = name;
        this.logFile = logFile;
    }

    /** A {@code java} command line with this JVM's executable. */
    public static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(arguments));
        return command;
    }

    public void start(List<String> command, Map<String, String> environment) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs a command to completion (e.g. a one-off tool) and fails if it does not succeed. */
    public static void runToCompletion(String name, List<String> command, Path logFile) {
        ManagedProcess tool = new ManagedProcess(name, logFile);
        tool.start(command, Map.of());
        try {
            if (!tool.process.waitFor(120, TimeUnit.SECONDS) || tool.process.exitValue() != 0) {
                throw new IllegalStateException(name + " failed; see " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + name, e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Asks the process to stop (SIGTERM) and waits for it; kills it if it does not stop in time. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the process at once (SIGKILL), as a crash would. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return logFile;
    }
}
