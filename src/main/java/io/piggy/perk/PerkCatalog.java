package io.piggy.perk;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.db.Ids;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The perk feature's face: other features (tiers, a contact's perks) read perks here; the API
 * creates, changes and deletes them.
 */
@Service
public class PerkCatalog {
    private final Perks perks;
    private final Validator validator;
    private final TransactionTemplate tx;
    private final Clock clock;

    PerkCatalog(Perks perks, Validator validator, TransactionTemplate tx, Clock clock) {
        this.perks = perks;
        this.validator = validator;
        this.tx = tx;
        this.clock = clock;
    }

    /** The account's perks in creation order, each with its options. */
    public List<Perk> all(AccountId account) {
        return perks.all(account);
    }

    public Optional<Perk> find(AccountId account, UUID perk) {
        return perks.find(account, perk);
    }

    /** The perk, or Piggy's 110000 "Perk not found". */
    public Perk require(AccountId account, UUID perk) {
        return find(account, perk).orElseThrow(PerkCatalog::notFound);
    }

    Perk create(AccountId account, CreatePerkRequest request) {
        PerkDataType type = PerkDataType.parse(request.dataType()).orElseThrow();
        FieldErrors errors = new FieldErrors();
        List<PerkOption> options = PerkOptions.check(validator, type, request.options(), errors);
        errors.throwIfAny();
        UUID id = Ids.next(clock);
        return tx.execute(status -> {
            if (!perks.insert(account, id, request.name(), request.label(), type)) {
                throw ApiException.invalidField("name",
                        "The account has a perk named '" + request.name() + "'. Pick another name or update that perk.");
            }
            perks.setOptions(account, id, options);
            return perks.find(account, id).orElseThrow();
        });
    }

    Perk update(AccountId account, UUID id, UpdatePerkRequest request) {
        Perk perk = require(account, id);
        FieldErrors errors = new FieldErrors();
        List<PerkOption> options = request.options() == null ? null
                : PerkOptions.check(validator, perk.dataType(), request.options(), errors);
        errors.throwIfAny();
        return tx.execute(status -> {
            if (!perks.touch(account, id, request.label())) {
                throw notFound();
            }
            if (options != null) {
                perks.setOptions(account, id, options);
            }
            return perks.find(account, id).orElseThrow();
        });
    }

    void delete(AccountId account, UUID id) {
        if (!perks.delete(account, id)) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.PERK_NOT_FOUND, "No perk with this uuid in this account.");
    }
}
