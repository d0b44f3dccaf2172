package io.piggy.contact;

import io.piggy.shared.api.ApiException;
import io.piggy.shared.auth.BearerToken;
import io.piggy.shared.api.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * The contact-facing API ({@value #CONTACT_API}/**) is opened by a contact auth token, not an
 * account token: every route there gets the caller as a {@link ContactSession} parameter.
 */
@Configuration(proxyBeanMethods = false)
class ContactApiConfiguration implements WebMvcConfigurer {
    static final String CONTACT_API = "/api/v3/contact";
    private static final String SESSION = ContactApiConfiguration.class.getName() + ".session";
    private final ContactAuthTokens tokens;

    ContactApiConfiguration(ContactAuthTokens tokens) {
        this.tokens = tokens;
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(ContactSession.class);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String token = BearerToken.of(request).orElseThrow(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                        "Send a contact auth token as 'Authorization: Bearer <token>'."));
                request.setAttribute(SESSION, tokens.resolve(token));
                return true;
            }
        }).addPathPatterns(CONTACT_API, CONTACT_API + "/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == ContactSession.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binderFactory) {
                Object session = request.getAttribute(SESSION, RequestAttributes.SCOPE_REQUEST);
                if (session == null) {
                    throw new IllegalStateException("No contact session on a route outside " + CONTACT_API);
                }
                return session;
            }
        });
    }
}
