package cn.zhaoshang.platform;

/**
 * Hook point for a virus scanner: every upload to the {@link Documents document store} passes through the
 * {@code UploadScanner} bean after its type is checked and before it is stored. The default accepts everything; an
 * installation with a scanner (e.g. ClamAV's clamd) declares its own bean that throws {@link BusinessException} with
 * key {@code attachment.infected} to refuse a file. The store looks the bean up itself instead of having a default
 * bean compete with it: the installation's one scanner bean wins whatever the order of the bean definitions, none
 * means the accepting default, several stop the start with a message. See docs/operations.md.
 */
public interface UploadScanner {

	void scan(String fileName, byte[] content);
}
