package cn.zhaoshang.platform;

/**
 * Hook point for a virus scanner: every upload to the {@link Documents document store} passes through the
 * {@code UploadScanner} bean after its type is checked and before it is stored. The default accepts everything; an
 * installation with a scanner (e.g. ClamAV's clamd) declares its own bean that throws {@link BusinessException} with
 * key {@code attachment.infected} to refuse a file. The default is declared by an auto-configuration
 * ({@code DocumentScannerAutoConfiguration}), which Spring Boot processes after every configuration of the
 * application, so an installation's own bean always wins, whatever the order of the bean definitions. See
 * docs/operations.md.
 */
public interface UploadScanner {

	void scan(String fileName, byte[] content);
}
