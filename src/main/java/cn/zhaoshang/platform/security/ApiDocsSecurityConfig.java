package cn.zhaoshang.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The OpenAPI document ({@code /v3/api-docs}, also {@code /v3/api-docs/swagger-config} for the Swagger UI) is for
 * any signed-in caller: an integration with its bearer token, or a person in the browser with a session (the
 * Swagger UI page itself stays with the pages' chain). Read only, so neither a session nor CSRF is needed here;
 * an anonymous caller gets a 401 problem document, not the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfig {

	@Bean
	@Order(0)
	SecurityFilterChain apiDocsChain(HttpSecurity http, BearerTokenFilter bearer, ProblemResponses problems,
			AuthenticationManager authenticationManager) throws Exception {
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
			.authenticationManager(authenticationManager)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
			.addFilterBefore(bearer, AuthorizationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfig.CSP)));
		return http.build();
	}
}
