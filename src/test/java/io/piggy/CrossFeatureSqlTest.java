package io.piggy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features talk through their services; a SQL fragment of one feature spliced into another's
 * statement is allowed only where one statement is needed for exactness and speed, and each such
 * coupling is named here. Read from the sources, because javac inlines string constants, so the
 * bytecode that ArchUnit reads no longer shows them. (Made to fail once: a second user of
 * ContactDirectory.LIVE_CONTACT_EMAIL_SQL.)
 */
class CrossFeatureSqlTest {
    private static final Pattern FRAGMENT = Pattern.compile("\\b([A-Z]\\w+)\\.([A-Z][A-Z_]*_SQL)\\b|\\b(Events)\\.(insertAfter)\\(");

    /** user → fragment; the credits ledger's one statement checks the contact and the shop and writes its event. */
    private static final Set<String> NAMED = Set.of(
            "loyalty/LoyaltyTransactions → AccountCatalog.RECEPTION_SHOP_SQL",
            "loyalty/LoyaltyTransactions → ContactDirectory.LIVE_CONTACT_EMAIL_SQL",
            "loyalty/LoyaltyTransactions → Events.insertAfter");

    @Test
    void sqlCrossesFeaturesOnlyWhereNamed() throws IOException {
        Path root = Path.of("src/main/java/io/piggy");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                String user = root.relativize(file).toString().replace(".java", "");
                Matcher m = FRAGMENT.matcher(read(file));
                while (m.find()) {
                    String owner = m.group(1) != null ? m.group(1) : m.group(3);
                    String fragment = m.group(2) != null ? m.group(2) : m.group(4);
                    if (!user.endsWith("/" + owner)) {
                        found.add(user + " → " + owner + "." + fragment);
                    }
                }
            });
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(NAMED);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
