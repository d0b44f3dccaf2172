package io.piggy.account;

import io.piggy.shared.auth.Secrets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The operator's token from PIGGY_ADMIN_TOKEN; held only as a hash. */
@Component
class AdminToken {
    private final byte[] hash;

    AdminToken(@Value("${piggy.admin-token:}") String token) {
        this.hash = token == null || token.isBlank() ? null : Secrets.hash(token);
    }

    boolean configured() {
        return hash != null;
    }

    boolean matches(String presented) {
        return Secrets.matches(presented, hash);
    }
}
