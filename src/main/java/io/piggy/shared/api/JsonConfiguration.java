package io.piggy.shared.api;

import io.piggy.shared.time.ApiTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** JSON rules shared by every endpoint: API date format, and booleans as PHP forms send them. */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
                if (text != null) {
                    String t = text.trim().toLowerCase(Locale.ROOT);
                    if (TRUE.contains(t)) {
                        return true;
                    }
                    if (FALSE.contains(t)) {
                        return false;
                    }
                }
                return (Boolean) ctxt.handleWeirdStringValue(Boolean.class, text,
                        "expected true, false, 1, 0, yes or no");
            }
        };
        module.addDeserializer(Boolean.class, lenientBoolean);
        module.addDeserializer(boolean.class, lenientBoolean);
        return builder -> builder.addModule(module);
    }
}
