package cn.zhaoshang.platform.document;

import cn.zhaoshang.platform.UploadScanner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The default {@link UploadScanner}, which accepts every file. An auto-configuration (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, hence left out of the
 * component scan) is processed after all of the application's own configuration, so
 * {@link ConditionalOnMissingBean} sees an installation's scanner bean wherever it is declared: that bean always
 * wins. (As a plain {@code @Configuration}, the condition depended on the order the beans were registered in.)
 */
@AutoConfiguration
public class DocumentScannerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(UploadScanner.class)
	UploadScanner acceptingUploadScanner() {
		return new AcceptingScanner();
	}

	/** Accepts everything: no virus scanner is installed. */
	static final class AcceptingScanner implements UploadScanner {

		@Override
		public void scan(String fileName, byte[] content) {
			// nothing to check against
		}
	}
}
