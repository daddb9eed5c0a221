package cn.zhaoshang.platform.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.user.AccountUserDetailsService;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests. An unknown, expired or disabled/locked account's
 * token leaves the request anonymous, so the API's entry point answers 401 with a problem document.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final AccountUserDetailsService accounts;

	BearerTokenFilter(ApiTokens tokens, AccountUserDetailsService accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).trim();
			tokens.userOf(token)
				.flatMap(accounts::loadById)
				.filter(u -> u.isEnabled() && u.isAccountNonLocked())
				.ifPresent(user -> {
					var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
					SecurityContextHolder.setContext(new SecurityContextImpl(auth));
				});
		}
		chain.doFilter(request, response);
	}
}
