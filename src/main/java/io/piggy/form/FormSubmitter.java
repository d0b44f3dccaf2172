package io.piggy.form;

import io.piggy.contact.ContactAttribute;
import io.piggy.contact.ContactAttributeService;
import io.piggy.contact.ContactDirectory;
import io.piggy.contact.SubscriptionService;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.attribute.AttributeValues;
import io.piggy.shared.db.Ids;
import io.piggy.shared.events.EventType;
import io.piggy.shared.events.Events;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A submission of a hosted page: checks the values with the contact attributes' own rules and,
 * when all are valid, in one transaction finds or creates the contact by email, saves the values,
 * subscribes it, records the submission, publishes {@link FormSubmitted} (synchronously, for the
 * form's credits) and records {@code form_submission_completed} in the outbox.
 * <p>
 * What a submission may change is decided here, once, for every way a form is submitted. A PUBLIC
 * page proves nothing about who sends it (anyone may type a customer's email), so it only adds
 * what the contact has no value or subscription choice for yet: it never replaces or clears. The
 * contact's own PRIVATE page (its token) replaces values; an empty field there clears a value only
 * when the page showed that value ({@link #FILLED}), so a field the page did not show filled is
 * never erased.
 */
@Service
class FormSubmitter {
    static final String CHANNEL = "FORM";
    /** The hidden field of a PRIVATE page: the names of the fields it showed with a saved value, space-separated. */
    static final String FILLED = "_filled";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private final ContactAttributeService attributes;
    private final ContactDirectory contacts;
    private final SubscriptionService subscriptions;
    private final FormSubmissions submissions;
    private final ApplicationEventPublisher publisher;
    private final Events events;
    private final TransactionTemplate tx;
    private final Clock clock;

    FormSubmitter(ContactAttributeService attributes, ContactDirectory contacts, SubscriptionService subscriptions,
                  FormSubmissions submissions, ApplicationEventPublisher publisher, Events events, TransactionTemplate tx,
                  Clock clock) {
        this.publisher = publisher;
        this.attributes = attributes;
        this.contacts = contacts;
        this.subscriptions = subscriptions;
        this.submissions = submissions;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Either the submission that was recorded, or the errors per field name (then nothing changed). */
    record Outcome(FormSubmitted submitted, Map<String, List<String>> errors) {
    }

    /** The attributes a page asks for besides email, in the form's order; ones deleted since are left out. */
    List<ContactAttribute> fields(Form form) {
        Map<String, ContactAttribute> known = new LinkedHashMap<>();
        attributes.attributes(form.account()).forEach(a -> known.put(a.name(), a));
        return form.fields().stream().filter(n -> !FormService.EMAIL.equals(n)).map(known::get)
                .filter(a -> a != null && !a.readOnly()).toList();
    }

    /**
     * @param contact the known contact of a PRIVATE page; empty for a PUBLIC one, whose email names the contact
     */
    Outcome submit(Form form, Optional<UUID> contact, Map<String, List<String>> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ContactAttribute field : fields(form)) {
            values.put(field.name(), FormFields.valueOf(field, params));
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String email = params.getOrDefault(FormService.EMAIL, List.of("")).get(0).trim();
        if (contact.isEmpty() && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
            errors.put(FormService.EMAIL, List.of("Enter your email address, e.g. ada@example.com."));
        }
        errors.putAll(attributes.validate(form.account(), values));
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        try {
            Set<String> clearable = contact.isPresent() ? filled(params) : Set.of();
            return new Outcome(tx.execute(status -> record(form, contact, email, values, clearable)), Map.of());
        } catch (ApiException e) {
            if (e.fieldErrors() == null || e.fieldErrors().isEmpty()) {
                throw e;
            }
            return new Outcome(null, e.fieldErrors()); // an attribute changed between the check and the save
        }
    }

    /** The names a PRIVATE page says it showed with a value: the only fields whose emptying clears. */
    static Set<String> filled(Map<String, List<String>> params) {
        Set<String> names = new HashSet<>();
        for (String value : params.getOrDefault(FILLED, List.of())) {
            names.addAll(Arrays.asList(value.trim().split("\\s+")));
        }
        return names;
    }

    private FormSubmitted record(Form form, Optional<UUID> known, String email, Map<String, Object> values,
                                 Set<String> clearable) {
        UUID contact = known.orElseGet(() -> contacts.findOrCreate(form.account(), email, CHANNEL).uuid());
        if (known.isPresent()) {
            Map<String, Object> changes = new LinkedHashMap<>(values);
            changes.entrySet().removeIf(e -> AttributeValues.isEmpty(e.getValue()) && !clearable.contains(e.getKey()));
            attributes.save(form.account(), contact, changes);
        } else {
            attributes.fillMissing(form.account(), contact, values);
        }
        for (UUID type : form.subscriptionTypes()) {
            if (!subscriptions.canSubscribe(form.account(), type)) { // a type deactivated since is skipped
                continue;
            }
            if (known.isPresent()) {
                subscriptions.subscribe(form.account(), contact, type);
            } else {
                subscriptions.subscribeUnlessChosen(form.account(), contact, type);
            }
        }
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put(FormService.EMAIL, contacts.require(form.account(), contact).email());
        answers.putAll(values);
        FormSubmissions.Submission submission = submissions.record(form.account(), Ids.next(clock), form.id(), contact,
                form.credits(), answers, clock.instant());
        FormSubmitted event = new FormSubmitted(form.account(), form.id(), submission.id(), contact,
                submission.firstSubmission(), submission.creditsDue());
        publisher.publishEvent(event);
        events.record(form.account().value(), EventType.FORM_SUBMISSION_COMPLETED, contact,
                Map.of("form", Map.of("uuid", form.id()), "submission", SubmissionResponse.of(submission)));
        return event;
    }
}
