package io.piggy.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * First start: with no account yet, create "Default" and hand its token to the operator (log and a
 * 0600 file). With PIGGY_BOOTSTRAP_TOKEN, make sure that exact token opens an account instead,
 * so a script can start Piggy and call it at once.
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    static final String TOKEN_FILE = "initial-access-token";

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final TransactionTemplate tx;
    private final Path dataDir;
    private final String bootstrapToken;

    Bootstrap(Accounts accounts, AccessTokens tokens, TransactionTemplate tx,
              @Value("${piggy.data-dir}") Path dataDir, @Value("${piggy.bootstrap-token:}") String bootstrapToken) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.tx = tx;
        this.dataDir = dataDir;
        this.bootstrapToken = bootstrapToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (bootstrapToken != null && !bootstrapToken.isBlank()) {
            tx.executeWithoutResult(s -> ensureBootstrapToken());
            return;
        }
        Created created = tx.execute(s -> {
            accounts.lockForBootstrap();
            if (accounts.any()) {
                return null;
            }
            Accounts.Account account = accounts.create("Default");
            return new Created(account.id(), tokens.issuePersonal(account.id(), "initial").token());
        });
        if (created != null) {
            String token = created.token();
            Path file = writeTokenFile(token);
            log.warn("Created account 'Default' ({}). Its access token (shown once, also in {}): {}", created.account(), file, token);
        }
    }

    private record Created(UUID account, String token) {
    }

    /** The token joins the first account when one exists, so changing it keeps the data reachable. */
    private void ensureBootstrapToken() {
        accounts.lockForBootstrap();
        if (tokens.exists(bootstrapToken)) {
            return;
        }
        Accounts.Account account = accounts.oldest().orElseGet(() -> accounts.create("Default"));
        tokens.issueExact(account.id(), bootstrapToken, "PIGGY_BOOTSTRAP_TOKEN");
        log.info("PIGGY_BOOTSTRAP_TOKEN now opens account '{}' ({})", account.name(), account.id());
    }

    private Path writeTokenFile(String token) {
        Path file = dataDir.resolve(TOKEN_FILE);
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, token + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + "; check that the data directory is writable", e);
        }
    }
}
