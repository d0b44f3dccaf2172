package io.piggy.shared.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as {@link RequestBodyFilter} hands it on: its body read in full already, and its
 * parameters decoded by Piggy (PHP-lenient, within the limits) instead of by Tomcat, which
 * refuses what PHP accepts and would read the body a second time.
 */
final class ReadRequest extends CachedBodyRequest {
    private final RequestLimits limits;
    private final Map<String, String[]> queryParameters;
    private Map<String, String[]> parameters;

    ReadRequest(HttpServletRequest request, byte[] body, RequestLimits limits) {
        super(request, body, null);
        this.limits = limits;
        this.queryParameters = toParameters(UrlEncodedFields.parse(request.getQueryString(), limits), Map.of());
    }

    /** The body arrives on an async dispatch; for everything after this filter it is the plain request it was. */
    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Collections.unmodifiableMap(parameters());
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameters().get(name);
        return values == null ? null : values.clone();
    }

    /** Query fields, then the fields of a form body, as the servlet API orders them. */
    private Map<String, String[]> parameters() {
        if (parameters == null) {
            String type = getContentType();
            parameters = type != null && FormBodyFilter.isForm(type)
                    ? toParameters(UrlEncodedFields.parse(new String(body(), StandardCharsets.UTF_8), limits), queryParameters)
                    : queryParameters;
        }
        return parameters;
    }

    private static Map<String, String[]> toParameters(List<Map.Entry<String, String>> fields, Map<String, String[]> before) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        before.forEach((name, v) -> values.put(name, new ArrayList<>(List.of(v))));
        fields.forEach(f -> values.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue()));
        Map<String, String[]> merged = new LinkedHashMap<>();
        values.forEach((name, v) -> merged.put(name, v.toArray(String[]::new)));
        return merged;
    }
}
