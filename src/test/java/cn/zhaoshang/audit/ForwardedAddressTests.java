package cn.zhaoshang.audit;

import static cn.zhaoshang.support.Pages.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Behind a trusted reverse proxy (server.forward-headers-strategy=native; loopback is among Tomcat's default trusted
 * proxies) the audit trail records the client's address from X-Forwarded-For, and a client on the server itself
 * as 127.0.0.1 — through a real Tomcat, since the servlet container is what reads the headers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.forward-headers-strategy=native")
class ForwardedAddressTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** Fails a sign-in as the unknown user name (an audited write) and returns the address the trail recorded. */
	String failedSignInFrom(String forwardedFor) throws Exception {
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String form = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
		String name = unique("forwarded.");
		String body = "username=" + name + "&password=Guess%402026&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		var post = HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (forwardedFor != null) {
			post.header("X-Forwarded-For", forwardedFor);
		}
		var response = client.send(post.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		return jdbc.sql("SELECT remote_addr FROM audit_entry WHERE record_type = 'login' AND record_id = :n")
			.param("n", name)
			.query(String.class)
			.single();
	}

	@Test
	void the_trail_records_the_forwarded_client_address_behind_a_trusted_proxy() throws Exception {
		assertThat(failedSignInFrom("203.0.113.50")).isEqualTo("203.0.113.50");
	}

	@Test
	void a_client_on_the_server_itself_is_recorded_as_127_0_0_1() throws Exception {
		assertThat(failedSignInFrom(null)).isEqualTo("127.0.0.1");
	}
}
