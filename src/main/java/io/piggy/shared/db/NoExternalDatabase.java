package io.piggy.shared.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when no {@code PIGGY_DATABASE_URL} is given, so Piggy runs its own PostgreSQL. */
class NoExternalDatabase implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("piggy.database.url");
        return url == null || url.isBlank();
    }
}
