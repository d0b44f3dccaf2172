package io.piggy.form;

import io.piggy.account.AccountId;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.Envelope;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.api.Paging;
import io.piggy.shared.api.PiggyExtension;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v3/oauth/clients/forms")
@Tag(name = "Forms")
class FormsController {
    private static final String BODY = "fields: contact attribute names in page order (email is always asked, first "
            + "unless placed); subscription_type_uuids: active types a submitting contact is subscribed to; credits: "
            + "awarded on a contact's first submission of the form; thank_you_text: shown after a submission; status "
            + "PUBLISHED, DRAFT or BIN (only PUBLISHED pages are served); type PUBLIC (a submission for an existing "
            + "contact's email only adds values it has none for) or PRIVATE (the page needs a contact auth token as "
            + "?token=, and changes that contact's values).";
    private final FormService forms;

    FormsController(FormService forms) {
        this.forms = forms;
    }

    @GetMapping
    @Operation(summary = "List forms", description = "Every form of the account, oldest first, optionally filtered by "
            + "status (PUBLISHED, DRAFT, BIN) and type (PUBLIC, PRIVATE); url is the hosted page. No paging. "
            + "1003 for an unknown status or type.")
    Envelope<List<FormSummaryResponse>> list(AccountId account, @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String type) {
        FormStatus wantedStatus = status == null || status.isBlank() ? null : FormStatus.parse(status).orElseThrow(
                () -> ApiException.invalidField("status", "The status must be PUBLISHED, DRAFT or BIN."));
        FormType wantedType = type == null || type.isBlank() ? null : FormType.parse(type).orElseThrow(
                () -> ApiException.invalidField("type", "The type must be PUBLIC or PRIVATE."));
        return Envelope.of(forms.list(account, wantedStatus, wantedType).stream()
                .map(f -> new FormSummaryResponse(f.id(), f.name(), f.status(), f.type(), forms.url(f.id()))).toList());
    }

    @PostMapping
    @PiggyExtension
    @Operation(summary = "Create a form", description = "name is required; status defaults to DRAFT, type to PUBLIC. "
            + BODY + " 1003 with errors per field (fields.N, subscription_type_uuids.N) for invalid input.")
    Envelope<FormResponse> create(AccountId account, @Valid @RequestBody FormRequest request) {
        return Envelope.of(response(forms.create(account, request)));
    }

    @GetMapping("/{formUuid}")
    @PiggyExtension
    @Operation(summary = "Get a form", description = "60013 when the account has no such form.")
    Envelope<FormResponse> get(AccountId account, @PathVariable UUID formUuid) {
        return Envelope.of(response(forms.require(account, formUuid)));
    }

    @PutMapping("/{formUuid}")
    @PiggyExtension
    @Operation(summary = "Update a form", description = "Changes what is given; the rest stays. " + BODY
            + " 60013 when the account has no such form; 1003 for invalid input.")
    Envelope<FormResponse> update(AccountId account, @PathVariable UUID formUuid, @Valid @RequestBody FormRequest request) {
        return Envelope.of(response(forms.update(account, formUuid, request)));
    }

    @DeleteMapping("/{formUuid}")
    @PiggyExtension
    @Operation(summary = "Delete a form", description = "Deletes the form and its submissions (to hide a form and keep "
            + "them, set its status to BIN). Answers {\"data\": null, \"meta\": {}}. 60013 when the account has no such form.")
    Envelope<Void> delete(AccountId account, @PathVariable UUID formUuid) {
        forms.delete(account, formUuid);
        return Envelope.of(null);
    }

    @GetMapping("/{formUuid}/submissions")
    @PiggyExtension
    @Operation(summary = "List a form's submissions", description = "Oldest first (sort=-created_at for newest first), "
            + "filtered by created_at[gt|gte|lt|lte]; custom paging with page and limit (default 30, at most 100). "
            + "first_submission marks each contact's first submission, which earns the form's credits. "
            + "60013 when the account has no such form; 1003 for bad paging or filters.")
    Envelope<List<SubmissionResponse>> submissions(AccountId account, @PathVariable UUID formUuid,
                                                   @RequestParam(required = false) Integer page,
                                                   @RequestParam(required = false) Integer limit,
                                                   @Parameter(hidden = true) @RequestParam Map<String, String> query) {
        PageRequest request = PageRequest.of(page, limit, 30, 100);
        FormService.SubmissionPage result = forms.submissions(account, formUuid, ListQuery.parse(query), request);
        return Envelope.of(result.items().stream().map(SubmissionResponse::of).toList(),
                Paging.custom(request, result.total()));
    }

    private FormResponse response(Form f) {
        return new FormResponse(f.id(), f.name(), f.status(), f.type(), forms.url(f.id()), f.fields(),
                f.subscriptionTypes(), f.credits(), f.thankYouText(), f.createdAt(), f.updatedAt());
    }
}
