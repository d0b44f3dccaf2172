package io.piggy.shared.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Says in the schema of each of our records what Jackson really sends: a component whose type is marked
 * {@code @Nullable} (JSpecify; in a map, its value type) may be {@code null} (OpenAPI 3.1: {@code "null"} among its types, or a {@code oneOf}
 * beside a {@code $ref}); a {@code @JsonAnyGetter} map is no property of its own; every other component
 * not excluded by {@code @JsonInclude} is always sent, since
 * Piggy includes nulls ({@code spring.jackson.default-property-inclusion: always}). Whether "always sent"
 * becomes {@code required} depends on where the schema is used, which only the whole document knows:
 * {@link OpenApiConfiguration} decides from the {@value #SENT} extension set here.
 */
final class RecordSchemas implements ModelConverter {
    static final String SENT = "x-piggy-always-sent";

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (schema == null || !raw.isRecord() || !raw.getPackageName().startsWith("io.piggy")) {
            return schema;
        }
        Schema<?> model = schema.get$ref() == null ? schema
                : context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        @SuppressWarnings({"rawtypes", "unchecked"})
        Map<String, Schema> properties = (Map) model.getProperties();
        List<String> sent = new ArrayList<>();
        for (RecordComponent component : raw.getRecordComponents()) {
            Field field = field(raw, component);
            JsonProperty renamed = field.getAnnotation(JsonProperty.class);
            String name = renamed == null || renamed.value().isEmpty() ? component.getName() : renamed.value();
            Schema<?> property = properties.get(name);
            if (property == null || field.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            if (field.isAnnotationPresent(JsonAnyGetter.class)) {
                properties.remove(name); // its entries are sent beside the other fields, not under its name
                continue;
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.put(name, nullable(property));
            }
            if (component.getAnnotatedType() instanceof AnnotatedParameterizedType map
                    && Map.class.isAssignableFrom(component.getType())
                    && map.getAnnotatedActualTypeArguments()[1].isAnnotationPresent(Nullable.class)
                    && property.getAdditionalProperties() instanceof Schema<?> values) {
                property.setAdditionalProperties(nullable(values));
            }
            JsonInclude include = field.isAnnotationPresent(JsonInclude.class) ? field.getAnnotation(JsonInclude.class)
                    : raw.getAnnotation(JsonInclude.class); // the component's own word wins over its record's
            if (alwaysSent(include)) {
                sent.add(name);
            }
        }
        model.addExtension(SENT, sent);
        return schema;
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without the field of its component " + component, e);
        }
    }

    private static boolean alwaysSent(JsonInclude include) {
        return include == null || include.value() == JsonInclude.Include.ALWAYS
                || include.value() == JsonInclude.Include.USE_DEFAULTS;
    }

    /** Idempotent: springdoc may resolve a type more than once. */
    static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() != null) {
            return new JsonSchema().oneOf(List.of(property, new JsonSchema().typesItem("null")));
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty() || property.getOneOf() != null) {
            return property; // any value, null included, or already wrapped
        }
        types.add("null");
        property.setTypes(types);
        return property;
    }
}
