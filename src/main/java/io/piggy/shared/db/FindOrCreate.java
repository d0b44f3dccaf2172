package io.piggy.shared.db;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Race-safe find-or-create over a unique key. The insert must be {@code INSERT … ON CONFLICT DO
 * NOTHING RETURNING …}: PostgreSQL makes it wait for a concurrent insert of the same key to commit
 * and then yield nothing, and the next find (a new snapshot under READ COMMITTED) sees the winner.
 * No statement fails, so this also works inside a caller's transaction.
 */
public final class FindOrCreate {
    private static final int ATTEMPTS = 3;

    private FindOrCreate() {
    }

    public static <T> T run(Supplier<Optional<T>> find, Supplier<Optional<T>> insert) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<T> found = find.get();
            if (found.isPresent()) {
                return found.get();
            }
            Optional<T> created = insert.get();
            if (created.isPresent()) {
                return created.get();
            }
            // a concurrent insert won (and may since have been deleted): look again
        }
        throw new IllegalStateException("Neither found nor created after " + ATTEMPTS + " attempts");
    }
}
