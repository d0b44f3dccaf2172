package io.piggy.support;

import com.zaxxer.hikari.HikariDataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only: counts the SQL statements the application sends from request threads (Tomcat's
 * {@code exec-} threads), so a test can tell how many queries a request costs. The data source
 * stays the real one; its connections are wrapped only to count.
 */
@Component
public class StatementCounter implements BeanPostProcessor {
    private static final AtomicLong STATEMENTS = new AtomicLong();
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    /** Statements sent from request threads so far. */
    public static long statements() {
        return STATEMENTS.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof HikariDataSource)) {
            return bean;
        }
        ProxyFactory factory = new ProxyFactory(bean);
        factory.setProxyTargetClass(true); // a HikariDataSource still, for whoever asks for one
        factory.addAdvice((MethodInterceptor) call -> {
            Object result = call.proceed();
            return result instanceof Connection c && call.getMethod().getName().equals("getConnection") ? counting(c) : result;
        });
        return factory.getProxy();
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (STATEMENT_METHODS.contains(method.getName()) && Thread.currentThread().getName().contains("exec-")) {
                        STATEMENTS.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
