package org.splitbnn.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lease that gives one invocation a sweep folder: the file {@code OUT/_lock} names its owner (host, pid, a
 * random token, when it started) and its modification time is renewed every {@link #RENEW} while the owner runs.
 * Another invocation finding the file refuses to start ({@link SweepBusyException}) unless the lease is stale: its
 * owner is a process of this host that no longer runs, or it was not renewed for {@link #EXPIRY} (an owner on
 * another host that died). A killed owner therefore never leaves the folder locked for longer than that.
 *
 * <p>The lock file is created only when absent and read back after {@link #SETTLE}: of two invocations that raced
 * to create it, only the one whose token it holds goes on.
 */
final class SweepLock implements AutoCloseable {

    static final String FILE = "_lock";
    static final Duration RENEW = Duration.ofSeconds(10);
    static final Duration EXPIRY = Duration.ofSeconds(60);
    private static final Duration SETTLE = Duration.ofMillis(200);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path file;
    private final String token;
    private final ScheduledExecutorService renewal;

    private SweepLock(FileSystem fs, Path file, String token) {
        this.fs = fs;
        this.file = file;
        this.token = token;
        this.renewal = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "splitbnn sweep lock renewal");
            t.setDaemon(true);
            return t;
        });
        renewal.scheduleAtFixedRate(this::renew, RENEW.toMillis(), RENEW.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether {@code name} is the lock file's, or its checksum's (which Hadoop's local file system wrote beside the
     * lock of an earlier build).
     */
    static boolean isLockFile(String name) {
        return name.equals(FILE) || name.equals("." + FILE + ".crc");
    }

    /**
     * Takes the lease of the folder {@code out}, taking over a stale one (reported on {@code warnings}); the lock
     * file is made through {@code files}, read and removed through {@code fs}.
     *
     * @throws SweepBusyException when another live invocation holds it
     */
    static SweepLock acquire(FileSystem fs, RawFiles files, Path out, Consumer<String> warnings) throws IOException {
        Path file = new Path(out, FILE);
        if (fs.exists(file)) {
            Holder h = Holder.read(fs, file);
            if (!h.stale()) {
                throw new SweepBusyException(out + " is in use by another sweep (" + h.describe() + "); wait for it"
                        + " to end, or, if that process is gone, for its lease to expire "
                        + EXPIRY.toSeconds() + " s after its last renewal");
            }
            warnings.accept("sweep: taking over the stale lock of " + h.describe());
            fs.delete(file, false);
        }
        String token = UUID.randomUUID().toString();
        ObjectNode o = JSON.createObjectNode();
        o.put("host", host());
        o.put("pid", ProcessHandle.current().pid());
        o.put("token", token);
        o.put("started", Instant.now().toString());
        try {
            files.createNew(file, JSON.writeValueAsBytes(o));
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException | java.nio.file.FileAlreadyExistsException e) {
            throw new SweepBusyException(out + " is in use by another sweep that has just started");
        }
        sleep(SETTLE);
        Holder h = Holder.read(fs, file);
        if (!token.equals(h.token)) {
            throw new SweepBusyException(out + " is in use by another sweep that has just started ("
                    + h.describe() + ")");
        }
        return new SweepLock(fs, file, token);
    }

    /** Renews the lease (its modification time). */
    private void renew() {
        try {
            fs.setTimes(file, System.currentTimeMillis(), -1);
        } catch (IOException e) {
            // the next renewal tries again; a lease that lapses is taken over only after EXPIRY
        }
    }

    /** Stops renewing and removes the lock file if it is still this invocation's. */
    @Override
    public void close() throws IOException {
        renewal.shutdownNow();
        if (fs.exists(file) && token.equals(Holder.read(fs, file).token)) {
            fs.delete(file, false);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Who holds a lock file, as far as it can be read, and when it was last renewed. */
    private record Holder(String host, long pid, String token, String started, long renewedMillis) {

        static Holder read(FileSystem fs, Path file) throws IOException {
            FileStatus status = fs.getFileStatus(file);
            JsonNode n;
            try (InputStream in = fs.open(file)) {
                n = JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                n = null;
            }
            if (n == null || !n.isObject()) {
                return new Holder("?", -1, "", "?", status.getModificationTime());
            }
            return new Holder(n.path("host").asText("?"), n.path("pid").asLong(-1), n.path("token").asText(""),
                    n.path("started").asText("?"), status.getModificationTime());
        }

        /** Whether the lease can be taken over: its process is gone, or it was not renewed in time. */
        boolean stale() {
            boolean expired = System.currentTimeMillis() - renewedMillis > EXPIRY.toMillis();
            boolean deadHere = host.equals(host()) && pid > 0
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            return expired || deadHere;
        }

        String describe() {
            return String.format(Locale.ROOT, "host %s, pid %d, started %s, lease renewed %d s ago", host, pid,
                    started, (System.currentTimeMillis() - renewedMillis) / 1000);
        }
    }
}
