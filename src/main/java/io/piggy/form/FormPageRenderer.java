package io.piggy.form;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the page templates to a string inside the controller, so that a template failure is
 * answered like any other error, by a page, instead of escaping to the container's error handling.
 */
@Component
class FormPageRenderer {
    private static final Logger log = LoggerFactory.getLogger(FormPageRenderer.class);
    static final String PAGE = "forms/page";
    static final String MESSAGE = "forms/message";
    /** The last resort when even the message template fails: no template, nothing to go wrong. */
    private static final String FALLBACK = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Something went wrong</title></head><body><main><h1>Something went wrong</h1>"
            + "<p>Please try again later.</p></main></body></html>";
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private final ITemplateEngine templates;

    FormPageRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    ResponseEntity<String> render(HttpStatus status, String template, Map<String, Object> model) {
        String html = templates.process(template, new Context(Locale.ENGLISH, model));
        return ResponseEntity.status(status).contentType(HTML).body(html);
    }

    /** A page with a title and one paragraph: errors, and the thank-you text ({@code thanks}). */
    ResponseEntity<String> message(HttpStatus status, String title, String text, boolean thanks) {
        try {
            return render(status, MESSAGE, Map.of("title", title, "text", text, "thanks", thanks));
        } catch (RuntimeException e) {
            log.error("Form message page failed", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(HTML).body(FALLBACK);
        }
    }
}
