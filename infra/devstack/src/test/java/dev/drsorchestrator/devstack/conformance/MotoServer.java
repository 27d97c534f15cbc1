package dev.drsorchestrator.devstack.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * moto's server ({@code python3 -m moto.server}), the independent open-source reference the conformance suite also
 * runs against. Started once per test JVM on a free port and stopped when the JVM exits. {@code
 * -Dconformance.moto.endpoint=http://host:port} uses a moto that is already running instead (for machines without
 * Python: {@code docker run -p 5000:5000 motoserver/moto:5.2.1}); {@code -Dconformance.moto=off} skips it.
 */
final class MotoServer {
    static final String VERSION = "5.2.1";

    private MotoServer() {}

    static AwsTarget.Endpoint start() {
        String given = System.getProperty("conformance.moto.endpoint");
        if (given != null && !given.isBlank()) {
            return new AwsTarget.Endpoint(URI.create(given), "us-east-1", "123456789012");
        }
        if ("off".equals(System.getProperty("conformance.moto"))) {
            throw new AwsTarget.Unavailable("switched off with -Dconformance.moto=off");
        }
        String python = System.getProperty("conformance.python", "python3");
        String version = probe(python);
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("moto-server", ".log");
            process = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new AwsTarget.Unavailable("cannot start " + python + " -m moto.server: " + e.getMessage());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "moto-server-stop"));
        URI uri = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AwsTarget.Unavailable("moto's server exited at start; its log: " + read(log));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(uri.resolve("/moto-api/"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    System.out.println("[INFO] conformance: moto " + version + " server on " + uri + " (pid "
                            + process.pid() + ")");
                    return new AwsTarget.Endpoint(uri, "us-east-1", "123456789012");
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsTarget.Unavailable("interrupted while moto started");
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwsTarget.Unavailable("interrupted while moto started");
            }
        }
        process.destroy();
        throw new AwsTarget.Unavailable("moto's server did not answer within 30 s; its log: " + read(log));
    }

    /** moto's version, or Unavailable saying how to install it. */
    private static String probe(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import moto, moto.server, boto3; print(moto.__version__)")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AwsTarget.Unavailable("moto is not installed for " + python + " (install it with: pip install"
                        + " 'moto[server]==" + VERSION + "' boto3); " + last(out));
            }
            if (!out.endsWith(VERSION)) {
                System.out.println("[WARNING] conformance: moto " + out + " found; the suite's divergence list was"
                        + " checked against moto " + VERSION);
            }
            return last(out);
        } catch (IOException e) {
            throw new AwsTarget.Unavailable(python + " is not on this machine (" + e.getMessage() + "); install"
                    + " Python 3 and pip install 'moto[server]==" + VERSION + "' boto3");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AwsTarget.Unavailable("interrupted while probing for moto");
        }
    }

    private static String last(String out) {
        String[] lines = out.split("\n");
        return lines[lines.length - 1];
    }

    private static String read(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new AwsTarget.Unavailable("no free port for moto: " + e.getMessage());
        }
    }
}
