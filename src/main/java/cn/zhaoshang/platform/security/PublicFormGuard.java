package cn.zhaoshang.platform.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.ClientAddress;
import cn.zhaoshang.platform.PublicForm;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The public-form guard (DESIGN §3 and §6a, ADR 0016): before a handler marked {@link PublicForm} runs, the request
 * must declare its length (411; an HTML form's chunked body is capped by the container instead) within the form's
 * limit (413), and its client address must not have called the same
 * form more often than {@value #LIMIT} allows in the last hour (429). Calls are counted in the table
 * {@code public_form_hit}, so the limit holds across nodes; rows older than the window are swept as calls come in.
 * Refusals are {@link BusinessException}s: the API answers with problem+json, pages with the error page.
 */
@Configuration(proxyBeanMethods = false)
class PublicFormGuard implements HandlerInterceptor, WebMvcConfigurer {

	static final String LIMIT = "platform.publicForm.perHour";
	static final Duration WINDOW = Duration.ofHours(1);

	private final JdbcClient jdbc;
	private final Settings settings;
	private final Clock clock;
	private final TransactionTemplate tx;

	PublicFormGuard(JdbcClient jdbc, Settings settings, Clock clock, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
		this.tx = tx;
	}

	@Bean
	static SettingDefinition publicFormPerHour() {
		return SettingDefinition.ofInt(LIMIT, "publicForm.perHour", "publicForm.perHour.help", 10, 1, 10_000);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR) {
			return true;
		}
		PublicForm form = method.getMethodAnnotation(PublicForm.class);
		if (form == null) {
			return true;
		}
		checkSize(request, form);
		admit(form.value(), ClientAddress.readable(request.getRemoteAddr()));
		return true;
	}

	static void checkSize(HttpServletRequest request, PublicForm form) {
		if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
			return;
		}
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		boolean htmlForm = type != null && type.startsWith("application/x-www-form-urlencoded");
		if (length < 0 && htmlForm) {
			// an HTML form's fields were read by the container already (its maxPostSize caps them)
			return;
		}
		if (length < 0) {
			throw new BusinessException(411, "publicForm.lengthRequired");
		}
		if (length > form.maxBytes()) {
			throw new BusinessException(413, "publicForm.tooLarge", form.maxBytes() / 1024);
		}
	}

	/** Counts one call of the form from the address, or refuses it (429) when the address used up its hour. */
	void admit(String form, String address) {
		int limit = settings.intValue(LIMIT);
		Instant now = clock.instant();
		Timestamp since = Timestamp.from(now.minus(WINDOW));
		String key = address == null ? "" : address;
		Boolean admitted = tx.execute(status -> {
			jdbc.sql("DELETE FROM public_form_hit WHERE hit_at < :since AND form = :form AND address = :address")
				.param("since", since)
				.param("form", form)
				.param("address", key)
				.update();
			long used = jdbc
				.sql("SELECT COUNT(*) FROM public_form_hit WHERE form = :form AND address = :address AND hit_at >= :since")
				.param("form", form)
				.param("address", key)
				.param("since", since)
				.query(Long.class)
				.single();
			if (used >= limit) {
				return false;
			}
			jdbc.sql("INSERT INTO public_form_hit (form, address, hit_at) VALUES (:form, :address, :at)")
				.param("form", form)
				.param("address", key)
				.param("at", Timestamp.from(now))
				.update();
			return true;
		});
		if (!Boolean.TRUE.equals(admitted)) {
			throw new BusinessException(429, "publicForm.tooMany");
		}
		if (now.getNano() % 50 == 0) {
			// now and then sweep what other addresses left behind
			jdbc.sql("DELETE FROM public_form_hit WHERE hit_at < :since").param("since", since).update();
		}
	}
}
