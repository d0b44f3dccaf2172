package io.piggy.form;

import io.piggy.account.AccountId;
import io.piggy.contact.ContactAttribute;
import io.piggy.contact.ContactAttributeService;
import io.piggy.contact.SubscriptionService;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.api.ErrorCode;
import io.piggy.shared.api.FieldErrors;
import io.piggy.shared.api.ListQuery;
import io.piggy.shared.api.PageRequest;
import io.piggy.shared.db.Ids;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Forms of an account: what their pages ask for, and their submissions. */
@Service
class FormService {
    static final int MAX_FIELDS = 100;
    static final String EMAIL = "email";
    private final Forms forms;
    private final FormSubmissions submissions;
    private final ContactAttributeService attributes;
    private final SubscriptionService subscriptions;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String publicUrl;

    FormService(Forms forms, FormSubmissions submissions, ContactAttributeService attributes,
                SubscriptionService subscriptions, TransactionTemplate tx, Clock clock,
                @Value("${piggy.public-url}") String publicUrl) {
        this.forms = forms;
        this.submissions = submissions;
        this.attributes = attributes;
        this.subscriptions = subscriptions;
        this.tx = tx;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    List<Form> list(AccountId account, FormStatus status, FormType type) {
        return forms.list(account, status, type);
    }

    Form require(AccountId account, UUID id) {
        return forms.find(account, id).orElseThrow(FormService::notFound);
    }

    /** A PUBLISHED form behind a public page; DRAFT, BIN and unknown forms are not served. */
    Optional<Form> published(UUID id) {
        return forms.findPublic(id).filter(f -> f.status() == FormStatus.PUBLISHED);
    }

    Form create(AccountId account, FormRequest request) {
        if (request.name() == null) {
            throw ApiException.invalidField("name", "The name field is required.");
        }
        Instant now = clock.instant();
        Form form = checked(new Form(account, Ids.next(clock), request.name().trim(),
                FormStatus.parse(request.status()).orElse(FormStatus.DRAFT),
                FormType.parse(request.type()).orElse(FormType.PUBLIC),
                request.fields() == null ? List.of() : request.fields(),
                request.subscriptionTypeUuids() == null ? List.of() : request.subscriptionTypeUuids(),
                request.credits() == null ? 0 : request.credits(), blankToNull(request.thankYouText()), now, now));
        forms.insert(form);
        return form;
    }

    Form update(AccountId account, UUID id, FormRequest request) {
        return tx.execute(status -> {
            Form current = require(account, id);
            Form form = checked(new Form(account, id,
                    request.name() == null ? current.name() : request.name().trim(),
                    FormStatus.parse(request.status()).orElse(current.status()),
                    FormType.parse(request.type()).orElse(current.type()),
                    request.fields() == null ? current.fields() : request.fields(),
                    request.subscriptionTypeUuids() == null ? current.subscriptionTypes() : request.subscriptionTypeUuids(),
                    request.credits() == null ? current.credits() : request.credits(),
                    request.thankYouText() == null ? current.thankYouText() : blankToNull(request.thankYouText()),
                    current.createdAt(), clock.instant()));
            if (!forms.update(form)) {
                throw notFound();
            }
            return form;
        });
    }

    void delete(AccountId account, UUID id) {
        if (!forms.delete(account, id)) {
            throw notFound();
        }
    }

    record SubmissionPage(List<FormSubmissions.Submission> items, long total) {
    }

    SubmissionPage submissions(AccountId account, UUID form, ListQuery query,
                               PageRequest page) {
        require(account, form);
        return new SubmissionPage(submissions.list(account, form, query, page), submissions.count(account, form, query));
    }

    String url(UUID form) {
        return publicUrl + "/forms/" + form;
    }

    /**
     * Fields must be settable contact attributes (email, which identifies the contact, may be
     * placed too), each once; subscription types must exist and be active. 1003 per item otherwise.
     */
    private Form checked(Form form) {
        FieldErrors errors = new FieldErrors();
        Map<String, ContactAttribute> known = attributes.attributes(form.account()).stream()
                .collect(Collectors.toMap(ContactAttribute::name, Function.identity()));
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < form.fields().size(); i++) {
            String name = form.fields().get(i);
            ContactAttribute attribute = name == null ? null : known.get(name.trim());
            if (attribute == null) {
                errors.add("fields." + i, "There is no contact attribute '" + name + "'. Send names from GET /contact-attributes.");
            } else if (attribute.readOnly() && !EMAIL.equals(attribute.name())) {
                errors.add("fields." + i, "The " + attribute.name() + " is computed by Piggy; a form cannot ask for it.");
            } else if (!seen.add(attribute.name())) {
                errors.add("fields." + i, "The field " + attribute.name() + " is in the list twice.");
            }
        }
        LinkedHashSet<UUID> types = new LinkedHashSet<>();
        for (int i = 0; i < form.subscriptionTypes().size(); i++) {
            UUID type = form.subscriptionTypes().get(i);
            if (type == null || !subscriptions.canSubscribe(form.account(), type)) {
                errors.add("subscription_type_uuids." + i, "There is no active subscription type " + type
                        + " in this account. Send uuids from GET /subscription-types.");
            } else {
                types.add(type);
            }
        }
        errors.throwIfAny();
        return new Form(form.account(), form.id(), form.name(), form.status(), form.type(), new ArrayList<>(seen),
                new ArrayList<>(types), form.credits(), form.thankYouText(), form.createdAt(), form.updatedAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private static ApiException notFound() {
        return new ApiException(ErrorCode.MODEL_NOT_FOUND, "No form with this uuid in this account.");
    }
}
