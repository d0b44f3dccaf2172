package io.piggy.form;

import io.piggy.contact.ContactAttribute;
import io.piggy.contact.ContactAttributeService;
import io.piggy.contact.ContactAuthTokens;
import io.piggy.contact.ContactDirectory;
import io.piggy.contact.ContactSession;
import io.piggy.shared.api.ApiException;
import io.piggy.shared.attribute.AttributeValues;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The hosted form pages at {@code /forms/{uuid}}, outside the API: server-rendered HTML, public
 * (no account token), protected by {@link CsrfCookie}. Everything here answers a page, errors included.
 */
@Hidden
@Controller
@RequestMapping("/forms")
class FormPageController {
    private static final Logger log = LoggerFactory.getLogger(FormPageController.class);
    private static final String TOKEN_FIELD = "_token";
    /** What a submission may change ({@link FormSubmitter}), said where people fill the form in. */
    private static final String PUBLIC_NOTICE = "If you already have an account with this email, we only add details "
            + "that are missing: details you saved before are not changed or removed. To change them, use the personal "
            + "link we sent you.";
    private static final String PERSONAL_NOTICE = "Changes you make here replace your saved details. "
            + "To remove a saved detail, empty its field.";
    private final FormService forms;
    private final FormSubmitter submitter;
    private final ContactAttributeService attributes;
    private final ContactDirectory contacts;
    private final ContactAuthTokens tokens;
    private final CsrfCookie csrf;
    private final FormPageRenderer renderer;
    private final Clock clock;

    FormPageController(FormService forms, FormSubmitter submitter, ContactAttributeService attributes,
                       ContactDirectory contacts, ContactAuthTokens tokens, CsrfCookie csrf, FormPageRenderer renderer, Clock clock) {
        this.forms = forms;
        this.submitter = submitter;
        this.attributes = attributes;
        this.contacts = contacts;
        this.tokens = tokens;
        this.csrf = csrf;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Who fills in a page: nobody in particular (PUBLIC), or the contact of a PRIVATE page's token. */
    private record Visitor(Optional<UUID> contact, String token) {
    }

    /** A page that ends the request early (not found, not allowed). */
    private static final class Refused extends RuntimeException {
        private final transient ResponseEntity<String> page;

        Refused(ResponseEntity<String> page) {
            super(null, null, false, false);
            this.page = page;
        }
    }

    @GetMapping("/{formUuid}")
    ResponseEntity<String> show(@PathVariable String formUuid, @RequestParam(name = "token", required = false) String token,
                                HttpServletRequest request, HttpServletResponse response) {
        Form form = published(formUuid);
        Visitor visitor = visitor(form, token);
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (visitor.contact().isPresent()) {
            UUID contact = visitor.contact().get();
            Map<String, Object> stored = attributes.values(form.account(), contact);
            List<String> filled = new ArrayList<>();
            for (ContactAttribute field : submitter.fields(form)) {
                values.putAll(FormFields.paramsOf(field, stored.get(field.name())));
                if (!AttributeValues.isEmpty(stored.get(field.name()))) {
                    filled.add(field.name());
                }
            }
            values.put(FormService.EMAIL, List.of(email(form, contact)));
            values.put(FormSubmitter.FILLED, List.of(String.join(" ", filled)));
        }
        return page(form, visitor, values, Map.of(), request, response, HttpStatus.OK);
    }

    @PostMapping("/{formUuid}")
    ResponseEntity<String> submit(@PathVariable String formUuid, HttpServletRequest request, HttpServletResponse response) {
        Form form = published(formUuid);
        if (!csrf.valid(request)) {
            return message(HttpStatus.FORBIDDEN, "This page has expired",
                    "Your answers were not sent, because this page could not be verified. Reload the page and try again.");
        }
        Visitor visitor = visitor(form, request.getParameter(TOKEN_FIELD));
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> params.put(k, Arrays.asList(v)));
        if (visitor.contact().isPresent()) {
            params.put(FormService.EMAIL, List.of(email(form, visitor.contact().get())));
        }
        FormSubmitter.Outcome outcome = submitter.submit(form, visitor.contact(), params);
        if (outcome.submitted() == null) {
            return page(form, visitor, params, outcome.errors(), request, response, HttpStatus.BAD_REQUEST);
        }
        return renderer.message(HttpStatus.OK, form.name(), form.thankYouText() != null ? form.thankYouText()
                : "Thank you! Your answers have been saved.", true);
    }

    /** Any other path or method under /forms. */
    @RequestMapping({"", "/", "/**"})
    ResponseEntity<String> unknown() {
        return notFound();
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<String> refused(Refused e) {
        return e.page;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> unexpected(Exception e) {
        log.error("Unexpected error on a form page", e);
        return message(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Your answers could not be saved because of a problem on our side. Please try again later.");
    }

    private Form published(String formUuid) {
        try {
            return forms.published(UUID.fromString(formUuid)).orElseThrow(() -> new Refused(notFound()));
        } catch (IllegalArgumentException e) {
            throw new Refused(notFound());
        }
    }

    private Visitor visitor(Form form, String token) {
        if (form.type() == FormType.PUBLIC) {
            return new Visitor(Optional.empty(), null);
        }
        if (token == null || token.isBlank()) {
            throw new Refused(message(HttpStatus.UNAUTHORIZED, "Personal link needed",
                    "This form is personal. Open it with the link you received."));
        }
        ContactSession session;
        try {
            session = tokens.resolve(token.trim());
        } catch (ApiException e) {
            throw new Refused(forbidden());
        }
        if (!session.account().equals(form.account())) {
            throw new Refused(forbidden());
        }
        return new Visitor(Optional.of(session.contact()), token.trim());
    }

    private String email(Form form, UUID contact) {
        return contacts.require(form.account(), contact).email();
    }

    private ResponseEntity<String> page(Form form, Visitor visitor, Map<String, List<String>> values,
                              Map<String, List<String>> errors, HttpServletRequest request, HttpServletResponse response,
                              HttpStatus status) {
        LocalDate today = LocalDate.now(clock);
        List<FieldView> fields = new ArrayList<>();
        boolean emailPlaced = form.fields().contains(FormService.EMAIL);
        FieldView email = FormFields.email(first(values, FormService.EMAIL), error(errors, FormService.EMAIL),
                visitor.contact().isPresent());
        if (!emailPlaced) {
            fields.add(email);
        }
        Map<String, ContactAttribute> asked = new LinkedHashMap<>();
        submitter.fields(form).forEach(a -> asked.put(a.name(), a));
        for (String name : form.fields()) {
            if (FormService.EMAIL.equals(name)) {
                fields.add(email);
            } else if (asked.containsKey(name)) {
                fields.add(FormFields.view(asked.get(name), values, error(errors, name), today));
            }
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", form.name());
        model.put("fields", fields);
        model.put("action", "/forms/" + form.id());
        model.put("csrf", csrf.issue(request, response));
        model.put("csrfField", CsrfCookie.FIELD);
        model.put("token", visitor.token());
        model.put("tokenField", TOKEN_FIELD);
        model.put("filled", visitor.contact().isPresent() ? first(values, FormSubmitter.FILLED) : null);
        model.put("filledField", FormSubmitter.FILLED);
        model.put("notice", visitor.contact().isPresent() ? PERSONAL_NOTICE : PUBLIC_NOTICE);
        model.put("invalid", fields.stream().filter(FieldView::invalid).toList());
        return renderer.render(status, FormPageRenderer.PAGE, model);
    }

    private ResponseEntity<String> notFound() {
        return message(HttpStatus.NOT_FOUND, "Form not found", "There is no form here, or it is not open (any more).");
    }

    private ResponseEntity<String> forbidden() {
        return message(HttpStatus.FORBIDDEN, "Link not valid",
                "This personal link is not valid (any more). Ask for a new one.");
    }

    private ResponseEntity<String> message(HttpStatus status, String title, String text) {
        return renderer.message(status, title, text, false);
    }

    private static String first(Map<String, List<String>> values, String key) {
        List<String> v = values.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    private static String error(Map<String, List<String>> errors, String key) {
        List<String> messages = errors.get(key);
        return messages == null || messages.isEmpty() ? null : String.join(" ", messages);
    }
}
