package cn.zhaoshang.platform.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.UploadScanner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scanner is chosen deterministically (issue 9): the store looks the scanner beans up itself, so the
 * installation's bean is used whether its configuration is registered before or after the platform's, none means the
 * accepting default, and two are refused instead of one winning by chance.
 */
class UploadScannerSelectionTests {

	@Test
	void without_an_installation_scanner_the_default_accepts_everything() {
		new ApplicationContextRunner().run(context -> {
			UploadScanner chosen = ScannerChoice.of(context.getBeanProvider(UploadScanner.class).orderedStream().toList());
			assertThat(chosen).isInstanceOf(ScannerChoice.AcceptingScanner.class);
			chosen.scan("a.pdf", new byte[] { 1 });
		});
	}

	@Test
	void an_installation_scanner_wins_whatever_the_registration_order() {
		new ApplicationContextRunner().withUserConfiguration(ClamScanner.class).withBean(Unrelated.class).run(context -> {
			UploadScanner chosen = ScannerChoice.of(context.getBeanProvider(UploadScanner.class).orderedStream().toList());
			assertThat(chosen).isInstanceOf(Refusing.class);
			assertThatThrownBy(() -> chosen.scan("a.pdf", new byte[] { 1 })).isInstanceOf(BusinessException.class);
		});
		new ApplicationContextRunner().withBean(Unrelated.class).withUserConfiguration(ClamScanner.class).run(context ->
			assertThat(ScannerChoice.of(context.getBeanProvider(UploadScanner.class).orderedStream().toList()))
				.isInstanceOf(Refusing.class));
	}

	@Test
	void two_installation_scanners_stop_the_start_naming_both() {
		assertThatThrownBy(() -> ScannerChoice.of(List.of(new Refusing(), new ScannerChoice.AcceptingScanner())))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(Refusing.class.getName())
			.hasMessageContaining("exactly one");
	}

	@Configuration(proxyBeanMethods = false)
	static class ClamScanner {

		@Bean
		UploadScanner clamScanner() {
			return new Refusing();
		}
	}

	static class Unrelated {
	}

	static class Refusing implements UploadScanner {

		@Override
		public void scan(String fileName, byte[] content) {
			throw new BusinessException(422, "attachment.infected");
		}
	}
}
