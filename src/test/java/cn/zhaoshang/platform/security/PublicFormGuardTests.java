package cn.zhaoshang.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.PublicForms;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The public-form guard (ADR 0016): size rules on the request, the per-address hourly limit counted in the database
 * (per form, per address, only the last hour), and the honeypot.
 */
@SpringBootTest
class PublicFormGuardTests {

	@Autowired
	PublicFormGuard guard;

	@Autowired
	JdbcClient jdbc;

	static String address() {
		return "10.99." + (int) (Math.random() * 250) + "." + UUID.randomUUID().toString().substring(0, 4);
	}

	@Test
	void an_address_is_admitted_up_to_the_limit_then_refused_with_429() {
		String address = address();
		for (int i = 0; i < 10; i++) {
			guard.admit("test-form", address);
		}

		assertThatThrownBy(() -> guard.admit("test-form", address)).isInstanceOf(BusinessException.class)
			.satisfies(e -> {
				assertThat(((BusinessException) e).status()).isEqualTo(429);
				assertThat(((BusinessException) e).messageKey()).isEqualTo("publicForm.tooMany");
			});
		assertThat(hits("test-form", address)).isEqualTo(10);
	}

	@Test
	void the_limit_counts_per_address_and_per_form() {
		String flooder = address();
		for (int i = 0; i < 10; i++) {
			guard.admit("test-form", flooder);
		}

		guard.admit("test-form", address());
		guard.admit("other-form", flooder);
		assertThatThrownBy(() -> guard.admit("test-form", flooder)).isInstanceOf(BusinessException.class);
	}

	@Test
	void calls_older_than_an_hour_no_longer_count_and_are_swept() {
		String address = address();
		Timestamp past = Timestamp.from(Instant.now().minus(61, ChronoUnit.MINUTES));
		for (int i = 0; i < 10; i++) {
			jdbc.sql("INSERT INTO public_form_hit (form, address, hit_at) VALUES ('test-form', :a, :t)")
				.param("a", address)
				.param("t", past)
				.update();
		}

		guard.admit("test-form", address);

		assertThat(hits("test-form", address)).isEqualTo(1);
	}

	@Test
	void a_body_without_length_or_over_the_limit_is_refused() throws Exception {
		PublicForm form = Forms.class.getDeclaredMethod("small").getAnnotation(PublicForm.class);
		var noLength = new MockHttpServletRequest("POST", "/api/v1/public/x");
		var tooLarge = new MockHttpServletRequest("POST", "/api/v1/public/x");
		tooLarge.setContent(new byte[1025]);
		var fine = new MockHttpServletRequest("POST", "/api/v1/public/x");
		fine.setContent(new byte[1024]);
		var get = new MockHttpServletRequest("GET", "/api/v1/public/x");

		assertThatThrownBy(() -> PublicFormGuard.checkSize(noLength, form))
			.satisfies(e -> assertThat(((BusinessException) e).status()).isEqualTo(411));
		assertThatThrownBy(() -> PublicFormGuard.checkSize(tooLarge, form))
			.satisfies(e -> assertThat(((BusinessException) e).status()).isEqualTo(413));
		PublicFormGuard.checkSize(fine, form);
		PublicFormGuard.checkSize(get, form);
	}

	@Test
	void a_filled_honeypot_is_refused_an_empty_one_passes() {
		PublicForms.requireEmptyHoneypot(null);
		PublicForms.requireEmptyHoneypot("");
		assertThatThrownBy(() -> PublicForms.requireEmptyHoneypot("http://spam.example"))
			.satisfies(e -> assertThat(((BusinessException) e).status()).isEqualTo(422));
	}

	long hits(String form, String address) {
		return jdbc.sql("SELECT COUNT(*) FROM public_form_hit WHERE form = :f AND address = :a")
			.param("f", form)
			.param("a", address)
			.query(Long.class)
			.single();
	}

	static class Forms {

		@PublicForm(value = "small", maxBytes = 1024)
		void small() {
		}
	}

}
