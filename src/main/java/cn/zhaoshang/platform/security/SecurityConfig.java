package cn.zhaoshang.platform.security;

import cn.zhaoshang.platform.user.AccountUserDetailsService;
import cn.zhaoshang.platform.user.UnknownNameLockout;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}, {@code /actuator/**}) is stateless and takes bearer tokens only; it
 * needs no CSRF protection because a bearer token is never sent by the browser on its own. The pages use form
 * sign-in with a (JDBC-stored) session, CSRF on every form and a strict Content Security Policy (no inline
 * scripts). Endpoints are further authorised by {@code @PreAuthorize} on every controller method.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

	static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/** Swagger UI ships inline styles; it gets the same policy but for those. */
	static final String CSP_SWAGGER = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	/** The roles of {@code Security.Rules.LEDGER_EDITOR}, for URL rules. */
	private static final String[] LEDGER_EDITORS = { "ADMIN", "CITY_SUPERVISOR", "UNIT_MANAGER", "UNIT_STAFF" };

	/** The anonymous JSON endpoints of the public surfaces (ADR 0016); nothing else under /api is anonymous. */
	static final String PUBLIC_API = "/api/v1/public/**";

	/**
	 * The public pages (DESIGN §6a, ADR 0016): the promotion-project catalog with its inquiry form, the appeal form
	 * and its tracking page. Their forms keep CSRF protection (the token comes with the page).
	 */
	static final String[] PUBLIC_PAGES = { "/catalog", "/catalog/*", "/catalog/*/inquiry", "/catalog/*/photos/*",
			"/appeal", "/appeal/track" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Password sign-in (form and API token). No answer tells a stranger whether a user name exists: a name that is
	 * no account is locked after the same failures as an account ({@link UnknownNameLockout}, checked first), a
	 * locked account is refused before its password is checked (as a locked unknown name is), and a deactivated
	 * account is reported only after its right password (a wrong one is just a wrong password).
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService accounts, UnknownNameLockout unknownNames,
			PasswordEncoder encoder, ApplicationEventPublisher events) {
		var provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(encoder);
		provider.setPreAuthenticationChecks(user -> {
			if (!user.isAccountNonLocked()) {
				throw new LockedException("locked");
			}
		});
		provider.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("disabled");
			}
		});
		AuthenticationProvider lockedUnknownName = new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) {
				if (unknownNames.isLocked(authentication.getName())) {
					throw new LockedException("locked");
				}
				return null; // on to the password check
			}

			@Override
			public boolean supports(Class<?> type) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
			}
		};
		var manager = new ProviderManager(lockedUnknownName, provider);
		manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
		return manager;
	}

	@Bean
	BearerTokenFilter bearerTokenFilter(ApiTokens tokens, AccountUserDetailsService accounts) {
		return new BearerTokenFilter(tokens, accounts);
	}

	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<BearerTokenFilter> bearerTokenFilterRegistration(
			BearerTokenFilter filter) {
		// Used inside the security chain only, not as a servlet filter of its own.
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
		registration.setEnabled(false);
		return registration;
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiChain(HttpSecurity http, BearerTokenFilter bearer, ProblemResponses problems,
			AuthenticationManager authenticationManager,
			@Value("${management.server.port:-1}") int managementPort) throws Exception {
		RequestMatcher localManagementPort = request -> managementPort > 0 && request.getLocalPort() == managementPort;
		http.securityMatcher("/api/**", "/actuator/**")
			.authenticationManager(authenticationManager)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.anonymous(a -> {
			})
			.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// The public surfaces (DESIGN §6a, ADR 0016): anonymous JSON for other sites, guarded by PublicForm.
				.requestMatchers(PUBLIC_API)
				.permitAll()
				// Writes are refused by role here, before the request body is read and validated: @PreAuthorize
				// runs only after argument binding, so without these an unauthorised body error would be a 400.
				.requestMatchers(HttpMethod.POST, "/api/v1/projects/*/stage-moves/*/review")
				.hasAnyRole("ADMIN", "CITY_SUPERVISOR")
				.requestMatchers(HttpMethod.POST, "/api/v1/projects", "/api/v1/projects/**", "/api/v1/attachments")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/projects/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.POST, "/api/v1/merchants", "/api/v1/merchants/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/merchants/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.POST, "/api/v1/talents", "/api/v1/talents/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/talents/**")
				.hasAnyRole(LEDGER_EDITORS)
				// Clues: intermediaries submit (POST /api/v1/clues); following up, assigning, converting and editing
				// are for the ledger's editors.
				.requestMatchers(HttpMethod.POST, "/api/v1/clues")
				.hasAnyRole("ADMIN", "CITY_SUPERVISOR", "UNIT_MANAGER", "UNIT_STAFF", "INTERMEDIARY")
				.requestMatchers(HttpMethod.POST, "/api/v1/clues/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/clues/**")
				.hasAnyRole(LEDGER_EDITORS)
				// Land, factories, equity and financing (issue 14): writes for the ledger's editors.
				.requestMatchers(HttpMethod.POST, "/api/v1/land-parcels", "/api/v1/land-parcels/**", "/api/v1/factories",
						"/api/v1/factories/**", "/api/v1/equity-stakes", "/api/v1/equity-stakes/**",
						"/api/v1/financing-needs", "/api/v1/financing-needs/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(HttpMethod.PUT, "/api/v1/land-parcels/**", "/api/v1/factories/**",
						"/api/v1/equity-stakes/**", "/api/v1/financing-needs/**")
				.hasAnyRole(LEDGER_EDITORS)
				// The catalog and appeals (issues 12 and 14): writes for the ledger's editors.
				.requestMatchers(HttpMethod.POST, "/api/v1/catalog", "/api/v1/catalog/**", "/api/v1/appeals",
						"/api/v1/appeals/**")
				.hasAnyRole(LEDGER_EDITORS)
				.requestMatchers(localManagementPort)
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.addFilterBefore(bearer, AuthorizationFilter.class)
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
			SignInHandlers handlers) throws Exception {
		http.authenticationManager(authenticationManager)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/login", "/error",
						"/language")
				.permitAll()
				.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(handlers)
				.failureHandler(handlers)
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.frameOptions(f -> f.deny())
				.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.addHeaderWriter((request, response) -> {
					if (request.getRequestURI().contains("/swagger-ui")) {
						response.setHeader("Content-Security-Policy", CSP_SWAGGER);
					}
				}));
		return http.build();
	}
}
