package io.piggy.shared.api;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * Requests Tomcat refuses before Spring sees them (an encoded NUL or a broken escape in the path, a
 * header line over 8 KB, a malformed request line) get Piggy's error body, not Tomcat's HTML page.
 * Everything Spring handles has its body already, so this writes only when nothing was written.
 */
@Component
public class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonValve.class.getName());
            }
        });
    }

    /** Tomcat makes it by its class name, so it cannot take Spring beans: the body is written by hand. */
    public static class JsonValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            ErrorCode code = status < 500 ? ErrorCode.INVALID_INPUT : ErrorCode.INTERNAL_ERROR;
            String message = status < 500
                    ? "The server could not read this request: check the URL's escapes (no %00) and the size of the headers."
                    : "Something went wrong on our side. Retry; if it persists, report it.";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"message\":\"" + message + "\",\"code\":" + code.code() + ",\"status_code\":" + status + "}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response is committed: nothing more to say
            }
        }
    }
}
