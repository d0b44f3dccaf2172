package io.piggy.shared.api;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request whose body has been read already, replayed from memory as often as it is read
 * (optionally under another content type).
 */
class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;
    private final String contentType;

    /**
     * @param contentType the content type to announce instead of the original, or null to keep it
     */
    CachedBodyRequest(HttpServletRequest request, byte[] body, String contentType) {
        super(request);
        this.body = body;
        this.contentType = contentType;
    }

    byte[] body() {
        return body;
    }

    @Override
    public String getContentType() {
        return contentType != null ? contentType : super.getContentType();
    }

    @Override
    public String getHeader(String name) {
        return contentType != null && "content-type".equalsIgnoreCase(name) ? contentType : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return contentType != null && "content-type".equalsIgnoreCase(name)
                ? Collections.enumeration(List.of(contentType)) : super.getHeaders(name);
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getCharacterEncoding() {
        return contentType != null ? StandardCharsets.UTF_8.name() : super.getCharacterEncoding();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("synchronous reads only");
            }

            @Override
            public int read() {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return in.read(b, off, len);
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }
}
