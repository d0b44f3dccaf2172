package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns form ({@code application/x-www-form-urlencoded}, PHP bracket keys) and multipart API bodies
 * into the equivalent JSON body before anything else reads them. Controllers then read one format,
 * so all three encodings decode to the same request by construction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class FormBodyFilter extends OncePerRequestFilter {
    private final JsonMapper json;

    public FormBodyFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        String uri = request.getRequestURI();
        return type == null || !(uri.startsWith("/api/") || uri.startsWith("/oauth/"))
                || !(isForm(type) || isMultipart(type));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<Map.Entry<String, String>> fields;
        try {
            fields = isForm(request.getContentType()) ? formFields(request) : multipartFields(request);
        } catch (IllegalArgumentException | IllegalStateException | IOException | ServletException e) {
            ErrorResponses.write(response, json, new ApiException(ErrorCode.INVALID_INPUT,
                    "The form body could not be read. Send valid application/x-www-form-urlencoded or multipart/form-data."));
            return;
        }
        byte[] body = json.writeValueAsBytes(PhpFormDecoder.decode(fields));
        chain.doFilter(new CachedBodyRequest(request, body, MediaType.APPLICATION_JSON_VALUE), response);
    }

    private static boolean isForm(String contentType) {
        return contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean isMultipart(String contentType) {
        return contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** Read the raw body ourselves: containers only parse POST forms, the SDK also sends PUT forms. */
    private static List<Map.Entry<String, String>> formFields(HttpServletRequest request) throws IOException {
        String raw = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            fields.add(new AbstractMap.SimpleEntry<>(URLDecoder.decode(key, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return fields;
    }

    /** Text parts become fields; a file part is passed on as its file name (uploads are not stored). */
    private static List<Map.Entry<String, String>> multipartFields(HttpServletRequest request)
            throws IOException, ServletException {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Part part : request.getParts()) {
            String value = part.getSubmittedFileName() != null
                    ? part.getSubmittedFileName()
                    : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            fields.add(new AbstractMap.SimpleEntry<>(part.getName(), value));
        }
        return fields;
    }
}
