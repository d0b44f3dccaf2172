package io.piggy.shared.api;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.AnnotatedParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The OpenAPI document: conventions that hold for every operation are added here, once. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final String ERROR_REF = "#/components/schemas/ApiError";
    private static final String NULLABLE_DATA = "x-piggy-nullable-data";
    /** In the order a user meets them; a tag not named here follows, alphabetically. */
    static final List<String> TAG_ORDER = List.of("Authentication", "Health", "Shops", "Units", "Contacts",
            "Contact identifiers", "Contact attributes", "Contact verification", "Subscriptions", "Loyalty program",
            "Credit receptions", "Rewards", "Reward attributes", "Reward receptions", "Collectable rewards",
            "Loyalty transactions", "Tiers", "Perks", "Promotions", "Promotion attributes", "Vouchers", "Products",
            "Product categories", "Forms", "Contact API", "Administration");

    static {
        // a JsonNode field takes any JSON value; without this it would be described as Jackson's node class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new JsonSchema());
    }

    @Bean
    OpenAPI piggyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Piggy API")
                        .description("Self-hosted loyalty and cashback API, compatible with Piggy's public v3 API. "
                                + "Operations marked x-piggy-extension are ours; Piggy has no such call. "
                                + "Bodies may be JSON, a form with PHP bracket keys, or multipart: all three mean the same.")
                        .version("v3")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    ModelConverter recordSchemas() {
        return new RecordSchemas();
    }

    /** Extensions are flagged; every operation gets its id from its handler (see {@link #operationId}). */
    @Bean
    OperationCustomizer markExtensionsAndNameOperations() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PiggyExtension.class)) {
                operation.addExtension("x-piggy-extension", true);
                String description = operation.getDescription();
                operation.setDescription("Extension: not part of Piggy's public API."
                        + (description == null || description.isBlank() ? "" : " " + description));
            }
            operation.setOperationId(operationId(handler.getBeanType().getSimpleName(), handler.getMethod().getName()));
            if (handler.getMethod().getAnnotatedReturnType() instanceof AnnotatedParameterizedType envelope
                    && envelope.getAnnotatedActualTypeArguments()[0].isAnnotationPresent(Nullable.class)) {
                operation.addExtension(NULLABLE_DATA, true); // Envelope<@Nullable X>: see nullableData
            }
            return operation;
        };
    }

    /**
     * The resource and the method, as the PHP SDK names its calls ({@code $client->contacts->findOrCreate()}):
     * {@code ContactsController.findOrCreate} is {@code contactsFindOrCreate}, {@code ShopsController.list}
     * {@code shopsList}; a method named as its resource ends ({@code PingController.ping}) is not repeated.
     * A second path of the same handler that only adds a trailing slash gets {@code TrailingSlash}.
     */
    static String operationId(String controller, String method) {
        String resource = controller.endsWith("Controller")
                ? controller.substring(0, controller.length() - "Controller".length()) : controller;
        String id = resource.toLowerCase().endsWith(method.toLowerCase()) ? resource
                : resource + StringUtils.capitalize(method);
        return Character.toLowerCase(id.charAt(0)) + id.substring(1);
    }

    /**
     * Every body is accepted in three encodings; every answer has its status with Piggy's error shape;
     * schemas sent only in answers require what is always sent; patterns are anchored; tags come in the
     * order of {@link #TAG_ORDER}.
     */
    @Bean
    OpenApiCustomizer documentConventions() {
        return openApi -> {
            // the OpenAPI 3.1 converters, which springdoc uses and where RecordSchemas is registered
            ModelConverters.getInstance(true).read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                // springdoc numbers a handler's second path (lock/, release/): the rule names it instead
                String id = operation.getOperationId().replaceFirst("_\\d+$", "");
                operation.setOperationId(path.endsWith("/") ? id + "TrailingSlash" : id);
                acceptAllEncodings(operation);
                addErrors(method, operation);
                nullableData(openApi, operation);
            }));
            requireWhatIsAlwaysSent(openApi);
            openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::anchorPatterns);
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(parameter -> anchorPatterns(parameter.getSchema()));
                }
            }));
            orderTags(openApi);
        };
    }

    /**
     * An operation whose handler answers {@code Envelope<@Nullable X>} gets its own copy of the envelope's
     * schema with a nullable {@code data}; the shared component stays exact for the others.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableData(OpenAPI openApi, Operation operation) {
        if (operation.getExtensions() == null || operation.getExtensions().remove(NULLABLE_DATA) == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            MediaType media = status.startsWith("2") && response.getContent() != null ? response.getContent().get(JSON) : null;
            if (media == null || media.getSchema() == null || media.getSchema().get$ref() == null) {
                return;
            }
            String ref = media.getSchema().get$ref();
            Schema<?> envelope = openApi.getComponents().getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
            Map<String, Schema> properties = new LinkedHashMap<>(envelope.getProperties());
            properties.put("data", RecordSchemas.nullable(properties.get("data")));
            Object sent = envelope.getExtensions() == null ? null : envelope.getExtensions().get(RecordSchemas.SENT);
            media.setSchema(new JsonSchema().typesItem("object").properties(properties)
                    .required(sent instanceof List<?> names ? names.stream().map(String::valueOf).toList() : null));
        });
        if (operation.getExtensions().isEmpty()) {
            operation.setExtensions(null);
        }
    }

    private static void acceptAllEncodings(Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            Content content = operation.getRequestBody().getContent();
            MediaType json = content.get(JSON);
            if (json != null) {
                content.putIfAbsent(FORM, new MediaType().schema(json.getSchema()));
                content.putIfAbsent(MULTIPART, new MediaType().schema(json.getSchema()));
            }
        }
    }

    /**
     * What the shared layer answers for any operation: 400 for input it cannot take, 401 and 403 for the
     * token, 404 for an unknown uuid or reference (where the operation takes one), 409 for a state conflict,
     * 413 and 415 for a body (any method but GET may carry one, documented or not), 429 for the rate
     * limit; 5xx (maintenance, the database away) under default. RecordedResponsesMatchDocumentIT fails
     * on a status an operation answered without listing it.
     */
    private static void addErrors(PathItem.HttpMethod method, Operation operation) {
        boolean input = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean body = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        ApiResponses responses = operation.getResponses();
        error(responses, "400", true, "Invalid input (1003, with errors per field) or a request that could not be read.");
        error(responses, "401", true, "No token, or a token that is unknown, expired or revoked.");
        error(responses, "403", true, "A token of the wrong kind for this API.");
        error(responses, "404", input, "Something the request names does not exist (see the codes in the description).");
        error(responses, "409", true, "A state conflict (already redeemed, insufficient credits, a duplicate) "
                + "or an Idempotency-Key reused with another body.");
        error(responses, "413", body, "The body is larger than the configured limit.");
        error(responses, "415", body, "A body in a format other than JSON, a form or multipart.");
        error(responses, "429", true, "Rate limited: retry after the Retry-After seconds.");
        error(responses, "default", true, "A Piggy error: 503 while in maintenance or without the database "
                + "(Retry-After says when to come back), 500 for a fault of ours.");
    }

    private static void error(ApiResponses responses, String status, boolean applies, String description) {
        if (applies) {
            responses.putIfAbsent(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType(JSON, new MediaType().schema(new JsonSchema().$ref(ERROR_REF)))));
        }
    }

    /** A schema reached from an answer and never from a request requires every property Jackson always sends. */
    private static void requireWhatIsAlwaysSent(OpenAPI openApi) {
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        List<Schema<?>> requests = new ArrayList<>();
        List<Schema<?>> answers = new ArrayList<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                operation.getRequestBody().getContent().values().forEach(m -> requests.add(m.getSchema()));
            }
            operation.getResponses().values().forEach(r -> {
                if (r.getContent() != null) {
                    r.getContent().values().forEach(m -> answers.add(m.getSchema()));
                }
            });
        }));
        Set<String> sentOnly = reachable(schemas, answers);
        sentOnly.removeAll(reachable(schemas, requests));
        schemas.forEach((name, schema) -> {
            Object sent = schema.getExtensions() == null ? null : schema.getExtensions().remove(RecordSchemas.SENT);
            if (sent instanceof List<?> names && sentOnly.contains(name) && !names.isEmpty()) {
                schema.setRequired(names.stream().map(String::valueOf).toList());
            }
            if (schema.getExtensions() != null && schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
        });
    }

    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Map<String, Schema> schemas, List<Schema<?>> roots) {
        Set<String> seen = new HashSet<>();
        Deque<Schema<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> s = todo.pop();
            if (s == null) {
                continue;
            }
            if (s.get$ref() != null) {
                String name = s.get$ref().substring(s.get$ref().lastIndexOf('/') + 1);
                if (seen.add(name)) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(todo::push);
            }
            if (s.getItems() != null) {
                todo.push(s.getItems());
            }
            if (s.getAdditionalProperties() instanceof Schema<?> values) {
                todo.push(values);
            }
            for (List<Schema> group : new List[] {s.getOneOf(), s.getAnyOf(), s.getAllOf()}) {
                if (group != null) {
                    group.forEach(todo::push);
                }
            }
        }
        return seen;
    }

    /**
     * Bean Validation's {@code @Pattern} must match the whole value; a JSON Schema pattern matches
     * anywhere, so each is anchored. A pattern with Java's inline flags ({@code (?i)}) has no ECMA-262
     * equivalent and is left out rather than declared wrong; a plain list of words is also an enum.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void anchorPatterns(Schema<?> schema) {
        if (schema == null) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && pattern.startsWith("(?") && !pattern.startsWith("(?:")) {
            schema.setPattern(null);
        } else if (pattern != null && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
            schema.setPattern("^(?:" + pattern + ")$");
            if (pattern.matches("\\w+(\\|\\w+)*") && schema.getEnum() == null) {
                ((Schema) schema).setEnum(List.of(pattern.split("\\|")));
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiConfiguration::anchorPatterns);
        }
        anchorPatterns(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            anchorPatterns(values);
        }
    }

    private static void orderTags(OpenAPI openApi) {
        Set<String> used = new TreeSet<>();
        openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getTags() != null) {
                used.addAll(operation.getTags());
            }
        }));
        Map<String, Tag> tags = new LinkedHashMap<>();
        TAG_ORDER.stream().filter(used::contains).forEach(name -> tags.put(name, new Tag().name(name)));
        used.forEach(name -> tags.putIfAbsent(name, new Tag().name(name)));
        if (openApi.getTags() != null) {
            openApi.getTags().forEach(tag -> tags.put(tag.getName(), tag)); // keeps a description given elsewhere
        }
        openApi.setTags(new ArrayList<>(tags.values()));
    }
}
