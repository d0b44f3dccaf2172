package io.piggy.shared.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: conventions that hold for every operation are added here, once. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";

    @Bean
    OpenAPI piggyOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Piggy API")
                        .description("Self-hosted loyalty and cashback API, compatible with Piggy's public v3 API. "
                                + "Operations marked x-piggy-extension are ours; Piggy has no such call. "
                                + "Bodies may be JSON, a form with PHP bracket keys, or multipart: all three mean the same.")
                        .version("v3")
                        .license(new License().name("Apache-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    @Bean
    OperationCustomizer markExtensions() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PiggyExtension.class)) {
                operation.addExtension("x-piggy-extension", true);
                String description = operation.getDescription();
                operation.setDescription("Extension: not part of Piggy's public API."
                        + (description == null || description.isBlank() ? "" : " " + description));
            }
            return operation;
        };
    }

    /** Every body is accepted in three encodings, and every error has Piggy's error shape. */
    @Bean
    OpenApiCustomizer bodyEncodingsAndErrors() {
        return openApi -> {
            ModelConverters.getInstance().read(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            Schema<?> errorRef = new Schema<>().$ref("#/components/schemas/ApiError");
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    Content content = operation.getRequestBody().getContent();
                    MediaType json = content.get("application/json");
                    if (json != null) {
                        content.putIfAbsent(FORM, new MediaType().schema(json.getSchema()));
                        content.putIfAbsent(MULTIPART, new MediaType().schema(json.getSchema()));
                    }
                }
                operation.getResponses().putIfAbsent("default", new ApiResponse()
                        .description("A Piggy error: message, code, status_code and, for invalid input, errors per field.")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(errorRef))));
            }));
        };
    }
}
