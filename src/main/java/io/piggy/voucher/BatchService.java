package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.db.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Starting batches (the work happens in {@link BatchWorker}) and failing them. */
@Service
class BatchService {
    private final Batches batches;
    private final CodeSpaces codeSpaces;
    private final VoucherDraft drafts;
    private final BatchProperties properties;
    private final BatchWorker worker;
    private final Clock clock;

    BatchService(Batches batches, CodeSpaces codeSpaces, VoucherDraft drafts,
                 BatchProperties properties, BatchWorker worker, Clock clock) {
        this.batches = batches;
        this.codeSpaces = codeSpaces;
        this.drafts = drafts;
        this.properties = properties;
        this.worker = worker;
        this.clock = clock;
    }

    /**
     * Checks everything a batch needs, reserves its vouchers in the promotion and its codes in the
     * code space, and queues its chunks. 80002, 55031, 80008, or 1003 (quantity, code space, dates).
     */
    @Transactional
    BatchResponse start(AccountId account, VoucherDraft.Fields fields, long quantity, CodeOptions codeOptions) {
        if (quantity < 1 || quantity > properties.maxQuantity()) {
            throw ApiException.invalidField("quantity", "The quantity must be between 1 and "
                    + properties.maxQuantity() + ".");
        }
        VoucherDraft.Draft draft = drafts.resolve(account, fields);
        CodeFormat format = CodeFormat.of(codeOptions);
        drafts.reserve(account, draft, quantity, 0);
        codeSpaces.reserve(account, format, quantity);
        UUID id = Ids.next(clock);
        Instant now = clock.instant();
        batches.create(account, id, draft, format, quantity, properties.chunkSize(), now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.wake();
                }
            });
        }
        return BatchResponse.of(batches.find(account, id).orElseThrow());
    }

    @Transactional(readOnly = true)
    BatchResponse get(AccountId account, UUID id) {
        return BatchResponse.of(batches.find(account, id).orElseThrow(() -> new ApiException(ErrorCode.MODEL_NOT_FOUND,
                "No voucher batch has this uuid.")));
    }
}
