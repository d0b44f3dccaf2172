package io.piggy.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.UploadContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns form ({@code application/x-www-form-urlencoded}, PHP bracket keys) and multipart API bodies
 * into the equivalent JSON body before anything else reads them. Controllers then read one format,
 * so all three encodings decode to the same request by construction. The JSON it makes is announced
 * as {@link JsonConfiguration#FORM_JSON}: everything in a form is a string, and only that JSON may
 * have its strings read as numbers and booleans.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class FormBodyFilter extends OncePerRequestFilter {
    private final JsonMapper json;
    private final RequestLimits limits;

    public FormBodyFilter(JsonMapper json, RequestLimits limits) {
        this.json = json;
        this.limits = limits;
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
        byte[] raw = request.getInputStream().readAllBytes(); // in memory already (RequestBodyFilter)
        Map<String, Object> decoded;
        try {
            List<Map.Entry<String, String>> fields = isForm(request.getContentType())
                    ? UrlEncodedFields.parse(new String(raw, StandardCharsets.UTF_8), limits)
                    : multipartFields(request.getContentType(), raw);
            decoded = PhpFormDecoder.decode(fields, limits.maxKeyDepth());
        } catch (ApiException e) {
            ErrorResponses.write(response, json, e);
            return;
        } catch (IOException | InvalidFileNameException | IllegalArgumentException | IllegalStateException e) {
            // from bytes in memory, an IOException is a malformed multipart body (FileUploadException is one)
            ErrorResponses.write(response, json, new ApiException(ErrorCode.INVALID_INPUT,
                    "The form body could not be read. Send valid application/x-www-form-urlencoded or multipart/form-data."));
            return;
        }
        byte[] body = json.writeValueAsBytes(decoded);
        chain.doFilter(new CachedBodyRequest(request, body, JsonConfiguration.FORM_JSON_VALUE), response);
    }

    /** An application/x-www-form-urlencoded body (ReadRequest decodes its parameters too). */
    static boolean isForm(String contentType) {
        return contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
    }

    private static boolean isMultipart(String contentType) {
        return contentType.toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /**
     * Text parts become fields; a file part is passed on as its file name (uploads are not stored).
     * Parsed from the bytes in memory, part by part, within the same limits as a form.
     */
    private List<Map.Entry<String, String>> multipartFields(String contentType, byte[] raw)
            throws IOException {
        FileUpload upload = new FileUpload();
        upload.setFileCountMax(limits.maxFields());
        upload.setPartHeaderSizeMax(4096);
        FileItemIterator parts = upload.getItemIterator(new UploadContext() {
            @Override
            public long contentLength() {
                return raw.length;
            }

            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(raw);
            }
        });
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        while (parts.hasNext()) {
            FileItemStream part = parts.next();
            String name = part.getFieldName();
            if (name == null || name.isEmpty()) {
                continue; // PHP drops a part without a name
            }
            String value;
            try (InputStream content = part.openStream()) {
                value = part.isFormField() ? new String(content.readAllBytes(), StandardCharsets.UTF_8) : part.getName();
            }
            value = value == null ? "" : value;
            limits.checkField(fields.size(), name, value);
            fields.add(new AbstractMap.SimpleEntry<>(name, value));
        }
        return fields;
    }
}
