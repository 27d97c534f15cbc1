package dev.drsorchestrator.devstack.dynamodb.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.devstack.http.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The tables on disk ({@code --data-dir}): one JSON line per committed change (a table created or dropped, a TTL
 * setting, or the puts and deletes of one write, batch or transaction together, so a transaction is replayed whole or
 * not at all). At start the journal is replayed and rewritten as a snapshot of what it holds. A line torn by a crash is
 * the last one and is dropped. A lock file keeps a second devstack off the same directory.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    static final String FILE = "dynamodb.jsonl";

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private BufferedWriter out;

    Journal(Path dir) {
        try {
            Files.createDirectories(dir);
            this.file = dir.resolve(FILE);
            this.lockChannel =
                    FileChannel.open(dir.resolve("dynamodb.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.lock = tryLock(lockChannel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the DynamoDB data directory " + dir + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            try {
                lockChannel.close();
            } catch (IOException ignored) {
                // the refusal below is what matters
            }
            throw new IllegalStateException("another devstack is using the DynamoDB data directory " + dir
                    + "; stop it or pass a different --data-dir");
        }
    }

    /** The lock, or null when another devstack (in this JVM or another) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    /** Hands every record to {@code apply}, in order; returns how many there were. */
    int replay(Consumer<JsonNode> apply) {
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            JsonNode record;
            try {
                record = Json.parse(line);
            } catch (IllegalArgumentException torn) {
                if (i == lines.size() - 1) {
                    LOG.warning("dropped the last line of " + file + ", torn by a crash: " + torn.getMessage());
                    continue;
                }
                throw new IllegalStateException(file + " line " + (i + 1) + " is not valid JSON: " + torn.getMessage());
            }
            apply.accept(record);
            n++;
        }
        return n;
    }

    /** Replaces the journal with {@code snapshot} (written aside, then renamed) and opens it for appending. */
    void rewrite(List<ObjectNode> snapshot) {
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (ObjectNode record : snapshot) {
                    w.write(Json.write(record));
                    w.newLine();
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Appends one record and hands it to the operating system before the change is acknowledged. */
    void append(ObjectNode record) {
        try {
            out.write(Json.write(record));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.warning("closing " + file + ": " + e.getMessage());
        }
    }
}
