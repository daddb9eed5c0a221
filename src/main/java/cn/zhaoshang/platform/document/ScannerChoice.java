package cn.zhaoshang.platform.document;

import java.util.List;

import cn.zhaoshang.platform.UploadScanner;

/**
 * Which {@link UploadScanner} the document store uses, decided the same way whatever order beans are registered in:
 * the installation's scanner bean when it declares one, the accepting default when it declares none, and a refusal
 * to start when it declares several (an installation must say which one checks its files).
 */
final class ScannerChoice {

	private ScannerChoice() {
	}

	static UploadScanner of(List<UploadScanner> declared) {
		if (declared.isEmpty()) {
			return new AcceptingScanner();
		}
		if (declared.size() > 1) {
			throw new IllegalStateException("Several UploadScanner beans are declared (" + declared.stream()
				.map(s -> s.getClass().getName()).toList() + "): declare exactly one, the scanner that checks uploads");
		}
		return declared.get(0);
	}

	/** Accepts everything: no virus scanner is installed. */
	static final class AcceptingScanner implements UploadScanner {

		@Override
		public void scan(String fileName, byte[] content) {
			// nothing to check against
		}
	}
}
