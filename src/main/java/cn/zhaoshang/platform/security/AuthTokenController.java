package cn.zhaoshang.platform.security;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.Security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/auth/token}: exchange a user name and password for a bearer token. */
@Tag(name = "Sign-in")
@RestController
class AuthTokenController {

	private final AuthenticationManager authenticationManager;
	private final ApiTokens tokens;

	AuthTokenController(AuthenticationManager authenticationManager, ApiTokens tokens) {
		this.authenticationManager = authenticationManager;
		this.tokens = tokens;
	}

	record Credentials(@NotBlank(message = "{validation.required}") String username,
			@NotBlank(message = "{validation.required}") String password) {
	}

	record Token(String token, Instant expiresAt) {
	}

	@PostMapping("/api/v1/auth/token")
	@PreAuthorize(Security.Rules.PUBLIC)
	@Operation(summary = "Exchange a user name and password for a bearer token", operationId = "issueToken")
	Token token(@Valid @RequestBody Credentials credentials) {
		// Failures throw AuthenticationException: the API entry point turns them into 401 problems.
		var auth = authenticationManager.authenticate(
				UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
		var issued = tokens.issue((CurrentUser) auth.getPrincipal());
		return new Token(issued.token(), issued.expiresAt());
	}
}
