package cn.zhaoshang.platform.i18n;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Languages: Chinese (zh-CN) by default, English second; see {@link UserLocaleResolver}. Each module keeps its own
 * bundle pair ({@code i18n/<module>_zh_CN.properties}, {@code i18n/<module>_en.properties}), listed in
 * {@code spring.messages.basename}. There is deliberately no language-neutral bundle, so Boot's own message source
 * (which needs one) is replaced by this one; a missing language falls back to Chinese, never to the JVM's locale.
 */
@Configuration(proxyBeanMethods = false)
class I18nConfig {

	@Bean
	MessageSource messageSource(@Value("${spring.messages.basename}") String[] basenames) {
		var source = new ResourceBundleMessageSource();
		source.setBasenames(basenames);
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		source.setDefaultLocale(Languages.CHINESE);
		return source;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new UserLocaleResolver();
	}

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}
}
