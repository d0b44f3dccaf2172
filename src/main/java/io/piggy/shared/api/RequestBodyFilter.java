package io.piggy.shared.api;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The first thing every request meets. It reads the whole body without holding a work slot, and
 * only then lets the request in (a body that arrived with the headers is simply taken): Tomcat's few threads are Piggy's work slots (see
 * {@link HttpConcurrency}), and a client trickling its body would otherwise hold one for as long
 * as it likes. The body is read with a non-blocking listener; when it is complete (at most
 * {@link RequestLimits#maxBodySize()}, within {@link RequestLimits#bodyTimeout()}) the request
 * is dispatched again, now with its body in memory, and runs like any other.
 * <p>
 * Every request also gets its query string decoded by Piggy ({@link ReadRequest}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(RequestBodyFilter.class);
    private static final String BODY = RequestBodyFilter.class.getName() + ".body";
    private static final byte[] EMPTY = new byte[0];

    private final RequestLimits limits;
    private final JsonMapper json;

    public RequestBodyFilter(RequestLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    /** The second half of the work happens on the dispatch that follows the read. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] read = (byte[]) request.getAttribute(BODY);
        if (read != null) {
            request.removeAttribute(BODY);
            proceed(request, read, response, chain);
        } else if (request.getDispatcherType() == DispatcherType.ASYNC) {
            chain.doFilter(request, response); // an async dispatch of someone else's
        } else if (request.getContentLengthLong() > limits.maxBodySize().toBytes()) {
            refuse(response, limits.tooLarge());
        } else if (arrived(request)) {
            // the usual case: a small body came in the packets with the headers; reading it cannot block
            proceed(request, request.getInputStream().readNBytes((int) request.getContentLengthLong()), response, chain);
        } else if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            readThenDispatch(request, response);
        } else {
            proceed(request, EMPTY, response, chain);
        }
    }

    /**
     * Whether the whole declared body is in Tomcat's buffer already. {@code available()} counts only
     * what was read from the socket, without reading more; then no async round is needed (it cost
     * about 60 µs of CPU per request, measured on credit receptions).
     */
    private static boolean arrived(HttpServletRequest request) throws IOException {
        long declared = request.getContentLengthLong();
        return declared > 0 && request.getInputStream().available() >= declared;
    }

    private void proceed(HttpServletRequest request, byte[] body, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadRequest read;
        try {
            read = new ReadRequest(request, body, limits);
        } catch (ApiException e) { // the query string is past the limits
            ErrorResponses.write(response, json, e);
            return;
        }
        chain.doFilter(read, response);
    }

    private void readThenDispatch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(limits.bodyTimeout().toMillis());
        AtomicBoolean over = new AtomicBoolean();
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                if (over.compareAndSet(false, true)) {
                    refuse(response, new ApiException(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within "
                            + limits.bodyTimeout().toSeconds() + " seconds. Send it at once, or raise PIGGY_HTTP_BODY_TIMEOUT."));
                    async.complete();
                }
            }

            @Override
            public void onError(AsyncEvent event) {
                over.set(true);
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        ServletInputStream in = request.getInputStream();
        long declared = request.getContentLengthLong();
        ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
        in.setReadListener(new ReadListener() {
            private final byte[] chunk = new byte[16 * 1024];

            @Override
            public void onDataAvailable() throws IOException {
                while (!over.get() && in.isReady()) {
                    int n = in.read(chunk);
                    if (n < 0) {
                        return;
                    }
                    body.write(chunk, 0, n);
                    if (body.size() > limits.maxBodySize().toBytes() && over.compareAndSet(false, true)) {
                        refuse(response, limits.tooLarge());
                        async.complete();
                        return;
                    }
                }
            }

            @Override
            public void onAllDataRead() {
                if (over.compareAndSet(false, true)) {
                    request.setAttribute(BODY, body.toByteArray());
                    async.dispatch();
                }
            }

            @Override
            public void onError(Throwable t) {
                // the client went away mid-body: there is no one to answer
                log.debug("Request body not read: {}", t.toString());
                if (over.compareAndSet(false, true)) {
                    async.complete();
                }
            }
        });
    }

    /** Past a body limit the connection's remaining bytes are not worth reading: close it after the answer. */
    private void refuse(HttpServletResponse response, ApiException e) throws IOException {
        response.setHeader("Connection", "close");
        ErrorResponses.write(response, json, e);
    }
}
