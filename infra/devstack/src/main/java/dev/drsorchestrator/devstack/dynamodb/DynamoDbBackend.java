package dev.drsorchestrator.devstack.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.devstack.http.Json;
import dev.drsorchestrator.devstack.http.JsonRpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * DynamoDB: an embedded DynamoDB Local on a private port, in memory unless a directory is given, with one shared
 * database for every access key and region (as one AWS account would have).
 */
public final class DynamoDbBackend implements AutoCloseable {
    private static final String[] NATIVES = {
        "libsqlite4java-linux-amd64.so", "libsqlite4java-osx.dylib", "sqlite4java-win32-x64.dll"
    };
    private static volatile @Nullable Path nativeDir;
    /** Held so the level sticks: DynamoDB Local logs every request at INFO. */
    private static final java.util.logging.Logger REQUEST_LOG = java.util.logging.Logger.getLogger(
            "com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler");

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    public DynamoDbBackend(String host, @Nullable Path dataDir) {
        System.setProperty("sqlite4java.library.path", unpackNatives().toString());
        REQUEST_LOG.setLevel(java.util.logging.Level.WARNING);
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-sharedDb", "-disableTelemetry"));
        if (dataDir == null) {
            args.add("-inMemory");
        } else {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the DynamoDB data directory " + dataDir, e);
            }
            args.add("-dbPath");
            args.add(dataDir.toString());
        }
        try {
            this.server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getMessage(), e);
        }
        this.endpoint = URI.create("http://" + host + ":" + port + "/");
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Deletes every table (the admin reset). */
    public void deleteAllTables() {
        JsonRpc rpc = new JsonRpc(endpoint, "DynamoDB_20120810", "dynamodb");
        JsonRpc.Answer list = rpc.call("ListTables", Json.object());
        for (JsonNode name : list.body().path("TableNames")) {
            rpc.call("DeleteTable", Json.object().put("TableName", name.asText()));
        }
    }

    /** sqlite4java loads its native library from a directory; the jar carries them, unpacked once per JVM. */
    private static synchronized Path unpackNatives() {
        if (nativeDir != null) {
            return nativeDir;
        }
        try {
            Path dir = Files.createTempDirectory("devstack-sqlite4java");
            dir.toFile().deleteOnExit();
            for (String name : NATIVES) {
                try (InputStream in =
                        DynamoDbBackend.class.getResourceAsStream("/dev/drsorchestrator/devstack/native/" + name)) {
                    if (in != null) {
                        Path target = dir.resolve(name);
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        target.toFile().deleteOnExit();
                    }
                }
            }
            nativeDir = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack sqlite4java's native library for DynamoDB Local", e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // best effort
        }
    }
}
