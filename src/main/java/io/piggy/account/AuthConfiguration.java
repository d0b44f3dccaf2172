package io.piggy.account;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** Wires authentication into MVC, and lets controllers take the caller's {@link AccountId} as a parameter. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {
    static final String ACCOUNT_API = "/api/v3/oauth/clients";

    private final AccountService accounts;
    private final AdminToken admin;
    private final AccountAuthentication authentication;

    AuthConfiguration(AccountService accounts, AdminToken admin, AccountAuthentication authentication) {
        this.accounts = accounts;
        this.admin = admin;
        this.authentication = authentication;
        // The account comes from the token, not from the caller: keep it out of the OpenAPI parameters.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AccountId.class);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccountAuthInterceptor(authentication))
                .addPathPatterns(ACCOUNT_API, ACCOUNT_API + "/**");
        registry.addInterceptor(new AdminAuthInterceptor(admin, accounts)).addPathPatterns("/api/admin/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == AccountId.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                Object account = request.getAttribute(AccountAuthentication.ACCOUNT, RequestAttributes.SCOPE_REQUEST);
                if (account == null) {
                    throw new IllegalStateException("No account on a route outside " + ACCOUNT_API);
                }
                return account;
            }
        });
    }
}
