package org.prassi.neo4j;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

import sun.misc.Signal;

/**
 * Runs Neo4j Community embedded with Bolt on 127.0.0.1 and APOC core loaded as a plugin.
 *
 * <p>The parent process reads the protocol lines on stdout/stderr ({@code PRASSI_NEO4J_READY},
 * {@code PRASSI_NEO4J_ERROR}, {@code PRASSI_NEO4J_STOPPED}); Neo4j's own logging goes to files.
 */
public final class BundledNeo4j {

    private static final String HOST = "127.0.0.1";
    private static final int EXIT_FAILURE = 1;
    private static final int EXIT_PORT_TAKEN = 2;
    private static final String USAGE = "usage: java -jar prassi-neo4j.jar --data-dir DIR --bolt-port N"
            + " [--page-cache 512m] [--plugins DIR] [--stop-on-stdin-eof]";

    private static volatile Instrumentation instrumentation;
    private static volatile boolean ready;

    private BundledNeo4j() {
    }

    /** A startup failure carrying the message for the human and the exit code for the parent. */
    private static final class Failure extends Exception {
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    private record Options(Path dataDir, int boltPort, long pageCache, Path pluginsDir, boolean stopOnStdinEof) {

        static Options parse(String[] args) throws Failure {
            Path dataDir = null;
            Integer boltPort = null;
            String pageCache = "512m";
            Path pluginsDir = null;
            boolean stopOnStdinEof = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = Path.of(value(args, ++i));
                    case "--bolt-port" -> boltPort = port(value(args, ++i));
                    case "--page-cache" -> pageCache = value(args, ++i);
                    case "--plugins" -> pluginsDir = Path.of(value(args, ++i));
                    case "--stop-on-stdin-eof" -> stopOnStdinEof = true;
                    default -> throw usage("unknown argument '" + args[i] + "'");
                }
            }
            if (dataDir == null || boltPort == null) {
                throw usage("--data-dir and --bolt-port are required");
            }
            long pageCacheBytes;
            try {
                pageCacheBytes = ByteUnit.parse(pageCache);
            } catch (IllegalArgumentException e) {
                throw usage("invalid --page-cache '" + pageCache + "' (expected e.g. 512m or 1g)");
            }
            return new Options(dataDir.toAbsolutePath(), boltPort, pageCacheBytes,
                    (pluginsDir != null ? pluginsDir : defaultPluginsDir()).toAbsolutePath(), stopOnStdinEof);
        }

        private static String value(String[] args, int i) throws Failure {
            if (i >= args.length) {
                throw usage(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static int port(String text) throws Failure {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw usage("invalid --bolt-port '" + text + "' (expected 1-65535)");
        }

        /** The {@code plugins} folder next to the jar, so the launcher works from any working directory. */
        private static Path defaultPluginsDir() throws Failure {
            try {
                Path jar = Path.of(BundledNeo4j.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                return jar.getParent().resolve("plugins");
            } catch (URISyntaxException | SecurityException e) {
                throw usage("cannot locate the launcher jar to find its plugins folder; pass --plugins");
            }
        }

        private static Failure usage(String problem) {
            return new Failure(EXIT_FAILURE, "bad arguments: " + problem + "; " + USAGE);
        }
    }

    /** Runs before {@code main} because the manifest names this class as {@code Launcher-Agent-Class}. */
    public static void agentmain(String agentArgs, Instrumentation inst) {
        instrumentation = inst;
    }

    public static void main(String[] args) {
        // The JVM exits with 128+signal on SIGTERM/SIGINT even when shutdown hooks succeed;
        // routing the signals through System.exit(0) runs the hook and reports a clean stop.
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
        Signal.handle(new Signal("INT"), signal -> System.exit(0));
        try {
            Options options = Options.parse(args);
            start(options);
        } catch (Failure failure) {
            emit(System.err, "PRASSI_NEO4J_ERROR " + failure.getMessage());
            System.exit(failure.exitCode);
        }
    }

    private static void start(Options options) throws Failure {
        addPluginsToClassPath(options.pluginsDir());
        ensurePortFree(options.boltPort());

        DatabaseManagementService service;
        try {
            service = builder(options).build();
        } catch (RuntimeException e) {
            throw startupFailure(e, options);
        }
        // Registered before anything else can fail so every exit path closes the store cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            if (ready) {
                emit(System.out, "PRASSI_NEO4J_STOPPED");
            }
        }, "prassi-neo4j-shutdown"));
        if (options.stopOnStdinEof()) {
            watchStdin();
        }

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        String neo4jVersion;
        try {
            neo4jVersion = query(db, "CALL dbms.components() YIELD name, versions "
                    + "WHERE name = 'Neo4j Kernel' RETURN versions[0] AS v");
        } catch (RuntimeException e) {
            throw startupFailure(e, options);
        }
        String apocVersion;
        try {
            // Proves the plugin really loaded, not merely that the jar is present.
            apocVersion = query(db, "RETURN apoc.version() AS v");
        } catch (RuntimeException e) {
            throw new Failure(EXIT_FAILURE, "APOC is not available (apoc.version() failed: " + rootMessage(e)
                    + "); expected the apoc-core jars in " + options.pluginsDir());
        }
        ensureBoltAccepts(options.boltPort());

        ready = true;
        emit(System.out, "PRASSI_NEO4J_READY bolt://" + HOST + ":" + options.boltPort()
                + " neo4j=" + neo4jVersion + " apoc=" + apocVersion);
    }

    private static DatabaseManagementServiceBuilder builder(Options options) {
        // The data dir is Neo4j's home: the store lands in DIR/data and the log files in DIR/logs.
        return new DatabaseManagementServiceBuilder(options.dataDir())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                // The stores are already closed when Bolt's pools stop; the default 2 x 5 s of
                // waiting for idle connections only delays the exit the parent waits for.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                // Only reachable from this machine and owned by the parent process.
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCache())
                // No anonymous usage data leaves the machine.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Transaction timeouts (set per transaction by Prassi) are enforced within 100 ms, not 2 s.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                // Each database preallocates its transaction log files: 64 MiB instead of 256 MiB
                // and at most two old ones keep a desktop install small.
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                .setConfig(GraphDatabaseSettings.plugin_dir, options.pluginsDir())
                // APOC needs unrestricted access to internal APIs; nothing else may load from plugins.
                .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of("apoc.*"));
    }

    /**
     * Like the Neo4j server, puts the plugin jars on the system class path as well as in plugin_dir:
     * APOC registers global components (e.g. ApocConfig) as kernel extensions, which Neo4j only
     * discovers there; without them its procedures fail to load.
     */
    private static void addPluginsToClassPath(Path pluginsDir) throws Failure {
        if (instrumentation == null) {
            throw new Failure(EXIT_FAILURE, "start the launcher with java -jar so it can load the plugins");
        }
        int added = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(pluginsDir, "*.jar")) {
            for (Path jar : jars) {
                instrumentation.appendToSystemClassLoaderSearch(new JarFile(jar.toFile()));
                added++;
            }
        } catch (IOException e) {
            throw new Failure(EXIT_FAILURE, "APOC plugins directory " + pluginsDir + " is missing or unreadable ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (added == 0) {
            throw new Failure(EXIT_FAILURE, "no plugin jars (APOC) found in " + pluginsDir);
        }
    }

    private static void ensurePortFree(int port) throws Failure {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(HOST, port));
        } catch (IOException e) {
            throw portTaken(port);
        }
    }

    private static void ensureBoltAccepts(int port) throws Failure {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 5_000);
        } catch (IOException e) {
            throw new Failure(EXIT_FAILURE, "Neo4j started but Bolt does not accept connections on "
                    + HOST + ":" + port + ": " + e.getMessage());
        }
    }

    private static Failure portTaken(int port) {
        return new Failure(EXIT_PORT_TAKEN, "Bolt port " + port + " on " + HOST + " is already in use;"
                + " set PRASSI_BOLT_PORT to a free port or stop the other process using it");
    }

    private static Failure startupFailure(RuntimeException e, Options options) {
        // Another process can grab the port between the probe and Neo4j's own bind.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return portTaken(options.boltPort());
            }
        }
        return new Failure(EXIT_FAILURE, "Neo4j failed to start: " + rootMessage(e)
                + " (details in " + options.dataDir().resolve("logs").resolve("debug.log") + ")");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).replaceAll("\\s+", " ").strip();
    }

    private static String query(GraphDatabaseService db, String cypher) {
        return db.executeTransactionally(cypher, Map.of(), result -> String.valueOf(result.next().get("v")));
    }

    /** Stops the database when the parent closes our stdin or dies, so no orphan keeps the store. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // input is ignored; only EOF matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone, same as EOF
            }
            System.exit(0);
        }, "prassi-neo4j-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void emit(PrintStream stream, String line) {
        stream.println(line);
        stream.flush();
    }
}
