package io.piggy.contact;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/contact-verification")
@Tag(name = "Contact verification")
class ContactVerificationController {
    private final ContactAuthTokens tokens;
    private final ContactVerification verification;
    private final Contacts contacts;

    ContactVerificationController(ContactAuthTokens tokens, ContactVerification verification, Contacts contacts) {
        this.tokens = tokens;
        this.verification = verification;
        this.contacts = contacts;
    }

    @GetMapping("/auth-token/{contactUuid}")
    @Operation(summary = "Get a contact auth token",
            description = "data is the token itself (a string), as the PHP SDK expects. It authenticates the contact "
                    + "on /api/v3/contact/** (Authorization: Bearer <token>) until it expires (30 days by default) "
                    + "or is revoked. 55031 unknown contact.")
    Envelope<String> authToken(AccountId account, @PathVariable UUID contactUuid) {
        return Envelope.of(tokens.issue(account, contactUuid));
    }

    @DeleteMapping("/auth-token/{contactUuid}")
    @PiggyExtension
    @Operation(summary = "Revoke a contact's auth tokens", description = "Every token of the contact stops working at once. 55031 unknown contact.")
    Envelope<Object> revoke(AccountId account, @PathVariable UUID contactUuid) {
        if (contacts.find(account, contactUuid).isEmpty()) {
            throw new ApiException(ErrorCode.CONTACT_NOT_FOUND);
        }
        tokens.revokeAll(account, List.of(contactUuid));
        return Envelope.of(null);
    }

    @PostMapping("/send")
    @Operation(summary = "Send a verification code to a contact",
            description = "Records a one-time code (six digits, 15 minutes, five tries). Mail is not sent yet: "
                    + "the code is written to the log. 1003 bad input, 55031 no contact with this email.")
    Envelope<Map<String, String>> send(AccountId account, @Valid @RequestBody VerificationRequest request) {
        Contacts.Contact contact = verification.send(account, request.email());
        return Envelope.of(Map.of("type", "Success",
                "message", "An email containing a verification code has been sent to " + contact.email() + "."));
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify a contact's code",
            description = "Answers the contact's uuid and uses the code up. 1003 bad input, 13010 wrong, used or expired code.")
    Envelope<Map<String, UUID>> verify(AccountId account, @Valid @RequestBody VerificationRequest request) {
        return Envelope.of(Map.of("uuid", verification.verify(account, request.email(), request.code())));
    }
}
