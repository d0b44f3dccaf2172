package io.piggy.support;

import io.piggy.shared.db.EmbeddedDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One embedded PostgreSQL per test JVM, with durability off for speed (tests only). Classes that
 * need a database of their own get a fresh one in it with {@link #newDatabase()}.
 */
public final class TestDatabase {
    private static EmbeddedDatabase instance;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("piggy-test-db");
                instance = EmbeddedDatabase.start(dir, false);
                Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    /** The shared database the cached application context uses. */
    public static String jdbcUrl() {
        return get().jdbcUrl();
    }

    /** A new, empty database in the shared server; its JDBC URL. */
    public static String newDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(get().jdbcUrl("postgres"))) {
            c.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return get().jdbcUrl(name);
    }
}
