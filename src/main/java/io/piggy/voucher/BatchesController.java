package io.piggy.voucher;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/vouchers")
@Tag(name = "Vouchers")
class BatchesController {
    private final BatchService service;
    private final Batches batches;

    BatchesController(BatchService service, Batches batches) {
        this.service = service;
        this.batches = batches;
    }

    @PostMapping("/batch")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a batch of vouchers",
            description = "Answers 201 at once with the batch PENDING; the vouchers are generated in the background "
                    + "(follow it with GET /vouchers/batches/{uuid}). quantity up to 5,000,000 (configurable); "
                    + "code_options (extension) shapes the codes. 1003 invalid input or a batch that would use more "
                    + "than half the free codes of its format, 80002 unknown promotion, 80020 promotion switched off (a "
                    + "batch already running when it is switched off finishes), 80008 voucher limit reached, "
                    + "55031 unknown contact.")
    Envelope<BatchResponse> create(AccountId account, @Valid @RequestBody CreateVoucherRequest request) {
        if (request.quantity() == null) {
            throw ApiException.invalidField("quantity", "The quantity field is required.");
        }
        if (request.code() != null && !request.code().isBlank()) {
            throw ApiException.invalidField("code", "A batch generates its codes; shape them with code_options.");
        }
        return Envelope.of(service.start(account, request.fields(), request.quantity(), request.codeOptions()));
    }

    @GetMapping("/batches/{batchUuid}")
    @PiggyExtension
    @Operation(summary = "Get a voucher batch",
            description = "status PENDING, PROCESSING, COMPLETED or FAILED; generated counts the vouchers made so far; "
                    + "error says why a batch FAILED. 60013 when the batch is unknown.")
    Envelope<BatchResponse> get(AccountId account, @PathVariable UUID batchUuid) {
        return Envelope.of(service.get(account, batchUuid));
    }

    @GetMapping("/batches")
    @PiggyExtension
    @Operation(summary = "List voucher batches", description = "Newest first; page and limit (default 30, at most 100).")
    Envelope<List<BatchResponse>> list(AccountId account, @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer limit) {
        PageRequest paging = PageRequest.of(page, limit, 30, 100);
        long total = batches.count(account);
        return Envelope.of(batches.list(account, paging.offset(), paging.limit()).stream().map(BatchResponse::of).toList(),
                Paging.custom(paging, total));
    }
}
