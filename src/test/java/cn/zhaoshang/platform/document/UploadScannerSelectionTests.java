package cn.zhaoshang.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.UploadScanner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scanner is chosen deterministically (issue 9): the accepting default comes from an auto-configuration, which
 * Spring Boot evaluates after every configuration of the application, so an installation's own scanner bean wins
 * whether its configuration is registered before or after; without one the default is there.
 */
class UploadScannerSelectionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DocumentScannerAutoConfiguration.class));

	@Test
	void without_an_installation_scanner_the_default_accepts_everything() {
		runner.run(context -> {
			assertThat(context).hasSingleBean(UploadScanner.class);
			assertThat(context.getBean(UploadScanner.class))
				.isInstanceOf(DocumentScannerAutoConfiguration.AcceptingScanner.class);
		});
	}

	@Test
	void an_installation_scanner_wins_whatever_the_registration_order() {
		runner.withUserConfiguration(ClamScanner.class).run(context -> {
			assertThat(context).hasSingleBean(UploadScanner.class);
			assertThat(context.getBean(UploadScanner.class)).isInstanceOf(Refusing.class);
		});
		// the auto-configuration named first, the installation's configuration after it: the same outcome
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DocumentScannerAutoConfiguration.class))
			.withBean("installationScanner", UploadScanner.class, Refusing::new)
			.run(context -> {
				assertThat(context).hasSingleBean(UploadScanner.class);
				assertThat(context.getBean(UploadScanner.class)).isInstanceOf(Refusing.class);
			});
	}

	@Test
	void the_default_is_registered_as_an_auto_configuration_and_not_component_scanned() throws Exception {
		String imports = Files.readString(
				Path.of("src/main/resources/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports"));
		assertThat(imports).contains(DocumentScannerAutoConfiguration.class.getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class ClamScanner {

		@Bean
		UploadScanner clamScanner() {
			return new Refusing();
		}
	}

	static class Refusing implements UploadScanner {

		@Override
		public void scan(String fileName, byte[] content) {
			throw new BusinessException(422, "attachment.infected");
		}
	}
}
