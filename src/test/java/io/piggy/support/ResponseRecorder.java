package io.piggy.support;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes every response the integration tests receive through {@link Api} and {@link RawHttp} to
 * {@code target/openapi-check/responses.jsonl}, and the OpenAPI document of the first Piggy that
 * answered to {@code api-docs.json} beside it. {@code RecordedResponsesMatchDocumentIT} validates them
 * in a run of its own after the suite (see the failsafe executions in pom.xml).
 */
public final class ResponseRecorder {
    public static final Path DIRECTORY = Path.of("target", "openapi-check");
    public static final Path RESPONSES = DIRECTORY.resolve("responses.jsonl");
    public static final Path DOCUMENT = DIRECTORY.resolve("api-docs.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static Writer out;
    private static boolean documentWritten;

    private ResponseRecorder() {
    }

    /** @param path the request path as sent, without the query string */
    public static synchronized void record(int port, String method, String path, int status, String contentType,
            String allow, String body) {
        try {
            if (out == null) {
                Files.createDirectories(DIRECTORY);
                Files.deleteIfExists(DOCUMENT);
                out = Files.newBufferedWriter(RESPONSES, StandardCharsets.UTF_8); // a new run starts a new file
                Runtime.getRuntime().addShutdownHook(new Thread(ResponseRecorder::close));
            }
            if (!documentWritten) {
                documentWritten = writeDocument(port);
            }
            ObjectNode line = JSON.createObjectNode().put("method", method).put("path", path).put("status", status)
                    .put("content_type", contentType).put("allow", allow).put("body", body);
            out.write(JSON.writeValueAsString(line));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean writeDocument(int port) throws IOException {
        try {
            HttpResponse<String> doc = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (doc.statusCode() != 200) {
                return false; // a Piggy started without its API (or in trouble): the next one will do
            }
            Files.writeString(DOCUMENT, doc.body());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException notListening) {
            return false;
        }
    }

    private static synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // the JVM is going away; what was flushed is what was recorded
        }
    }
}
