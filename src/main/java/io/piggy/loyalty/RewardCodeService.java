package io.piggy.loyalty;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.FieldErrors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Filling the code pool of a DIGITAL reward and counting it. Codes are kept exactly as given
 * (trimmed; case matters) and unique per reward; codes the pool has already, or that a call repeats,
 * are skipped and reported.
 */
@Service
class RewardCodeService {
    static final int MAX_CODES_PER_CALL = 10_000;
    static final int MAX_CODE_LENGTH = 255;
    private static final int MAX_REPORTED_ERRORS = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final RewardService rewardService;
    private final Rewards rewards;
    private final RewardCodes codes;
    private final TransactionTemplate tx;
    private final Clock clock;

    RewardCodeService(RewardService rewardService, Rewards rewards, RewardCodes codes, TransactionTemplate tx,
                      Clock clock) {
        this.rewardService = rewardService;
        this.rewards = rewards;
        this.codes = codes;
        this.tx = tx;
        this.clock = clock;
    }

    /** What an upload did, and the pool after it. */
    record Added(int added, List<String> skipped, RewardCodes.Counts counts) {
    }

    Added add(AccountId account, UUID rewardId, JsonNode given) {
        Reward reward = rewardService.require(account, rewardId);
        List<String> list = parse(given);
        requireDigital(reward);
        return tx.execute(status -> {
            // the pool is the stock from now on; the row lock also orders concurrent uploads
            if (!rewards.dropStockForCodes(account, rewardId)) {
                requireDigital(rewardService.require(account, rewardId));
            }
            List<String> added = codes.add(account, rewardId, new LinkedHashSet<>(list), clock.instant());
            Set<String> inserted = new HashSet<>(added);
            List<String> skipped = list.stream().filter(c -> !inserted.remove(c)).distinct().toList();
            return new Added(added.size(), skipped, codes.counts(account, rewardId));
        });
    }

    RewardCodes.Counts counts(AccountId account, UUID rewardId) {
        rewardService.require(account, rewardId);
        return codes.counts(account, rewardId);
    }

    /** The codes of a request: 1 to 10,000 strings of 1 to 255 characters; errors keyed codes.N. */
    static List<String> parse(JsonNode given) {
        if (given == null || given.isNull() || !given.isArray()) {
            throw ApiException.invalidField("codes", "Send codes: a list of 1 to " + MAX_CODES_PER_CALL + " codes.");
        }
        if (given.isEmpty() || given.size() > MAX_CODES_PER_CALL) {
            throw ApiException.invalidField("codes", "Send 1 to " + MAX_CODES_PER_CALL + " codes per call; "
                    + "this call has " + given.size() + ".");
        }
        List<String> list = new ArrayList<>(given.size());
        FieldErrors errors = new FieldErrors();
        int reported = 0;
        for (int i = 0; i < given.size(); i++) {
            JsonNode node = given.get(i);
            String code = node.isString() || node.isNumber() ? node.asString().trim() : null;
            if (code == null || code.isEmpty() || code.length() > MAX_CODE_LENGTH || CONTROL.matcher(code).find()) {
                if (reported++ < MAX_REPORTED_ERRORS) {
                    errors.add("codes." + i, "Each code is text of 1 to " + MAX_CODE_LENGTH
                            + " characters without control characters.");
                }
            } else {
                list.add(code);
            }
        }
        errors.throwIfAny();
        return list;
    }

    private static void requireDigital(Reward reward) {
        if (!reward.digital()) {
            throw ApiException.invalidField("codes", "Only DIGITAL rewards hand out codes; make '" + reward.title()
                    + "' DIGITAL first (PUT /rewards/{uuid} with type=DIGITAL).");
        }
    }
}
