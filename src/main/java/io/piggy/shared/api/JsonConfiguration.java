package io.piggy.shared.api;

import io.piggy.shared.attribute.BooleanWords;
import io.piggy.shared.time.ApiTime;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * JSON rules shared by every endpoint: the API date format, the size limits of a body, and types.
 * A JSON body must send each field in its type ({@code "name": false} is a 1003); a form or
 * multipart body has only strings, so the JSON {@link FormBodyFilter} makes of it is read with
 * strings taken as numbers and booleans, as PHP forms send them ({@link #FORM_JSON}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestLimits.class)
class JsonConfiguration {
    /** The content type of a JSON body made from a form. */
    static final String FORM_JSON_VALUE = "application/vnd.piggy.form+json";
    static final MediaType FORM_JSON = MediaType.parseMediaType(FORM_JSON_VALUE);
    /** Tokens per field of the limit: a field is a name, a value, and its share of the brackets. */
    private static final int TOKENS_PER_FIELD = 4;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Spring Boot's builder, on a parser that stops at the request limits instead of reading on. */
    @Bean
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers, RequestLimits limits) {
        JsonFactory parser = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxKeyDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxKeyLength())
                .maxTokenCount((long) TOKENS_PER_FIELD * limits.maxFields())
                .maxDocumentLength(limits.maxBodySize().toBytes())
                .build()).build();
        JsonMapper.Builder builder = JsonMapper.builder(parser);
        customizers.forEach(c -> c.customize(builder));
        return builder;
    }

    @Bean
    JsonMapperBuilderCustomizer piggyJson() {
        SimpleModule module = new SimpleModule("piggy");
        module.addSerializer(Instant.class, new ValueSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(ApiTime.format(value));
            }
        });
        return builder -> builder.addModule(module)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                // a null item in a list of a request ([null] for a list of rules) is no item: refuse it
                .withConfigOverride(List.class, list -> list.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                .withConfigOverride(java.util.Set.class, set -> set.setNullHandling(JsonSetter.Value.forContentNulls(Nulls.FAIL)))
                // that feature leaves numbers and booleans free to become strings: not in a JSON body
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** JSON bodies are read strictly by the application's mapper; JSON made from a form by a lenient copy. */
    @Bean
    WebMvcConfigurer formJsonReading(JsonMapper json) {
        JsonMapper lenient = json.rebuild()
                .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert))
                .enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .addModule(formBooleans())
                .build();
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.configureMessageConverters(c -> {
                    if (c instanceof JacksonJsonHttpMessageConverter jackson) {
                        jackson.registerMappersForType(Object.class, mappers -> {
                            mappers.put(FORM_JSON, lenient); // first: ALL includes it
                            mappers.put(MediaType.ALL, json);
                        });
                    }
                });
            }
        };
    }

    private static SimpleModule formBooleans() {
        ValueDeserializer<Boolean> lenientBoolean = new ValueDeserializer<>() {
            @Override
            public Boolean deserialize(JsonParser p, DeserializationContext ctxt) {
                JsonToken token = p.currentToken();
                if (token == JsonToken.VALUE_TRUE) {
                    return true;
                }
                if (token == JsonToken.VALUE_FALSE) {
                    return false;
                }
                String text = p.getValueAsString();
                return BooleanWords.parse(text).orElseGet(() -> (Boolean) ctxt.handleWeirdStringValue(Boolean.class, text,
                        "expected true, false, 1, 0, yes, no, on or off"));
            }
        };
        SimpleModule module = new SimpleModule("piggy-form-booleans");
        module.addDeserializer(Boolean.class, lenientBoolean);
        module.addDeserializer(boolean.class, lenientBoolean);
        return module;
    }
}
