package app.steady.e2e;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools that check deployment files (docker-compose, kubectl, node, npm, promtool). A missing
 * tool fails the test and names the package that provides it: CI installs them, nothing is skipped silently.
 */
final class ExternalTools {

    static final Path ROOT = Path.of(System.getProperty("steady.root", "../..")).toAbsolutePath().normalize();

    private ExternalTools() {
    }

    /** What a command did: its exit code and everything it printed. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {

        String describe() {
            return String.join(" ", command) + " exited " + exitCode + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    /** Fails unless {@code tool} is an executable on the PATH; {@code install} says how to get it. */
    static Path require(String tool, String install) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, tool);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return fail("'" + tool + "' is not installed (not on PATH " + path + "). Install it: " + install);
    }

    /**
     * Runs a command in {@code directory} with {@code stdin} as its standard input (may be null), and waits at most
     * {@code timeout}. {@code environment} replaces the inherited environment when not null.
     */
    static Result run(Path directory, Map<String, String> environment, String stdin, Duration timeout,
                      String... command) {
        List<String> commandLine = List.of(command);
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("steady-tool-", ".out");
            stderr = Files.createTempFile("steady-tool-", ".err");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(Arrays.asList(command)))
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if (environment != null) {
                builder.environment().clear();
                builder.environment().putAll(environment);
            }
            if (stdin == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            Process process = builder.start();
            if (stdin != null) {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", commandLine) + " did not finish within " + timeout);
            }
            return new Result(commandLine, process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + commandLine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** A minimal environment: PATH and a throwaway HOME, so nothing of the caller's shell leaks into a check. */
    static Map<String, String> cleanEnvironment(Path home) {
        return Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"),
                "HOME", home.toString(), "LANG", "C.UTF-8");
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file
            }
        }
    }
}
