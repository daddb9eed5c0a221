package cn.zhaoshang.project.internal;

/**
 * Hook point for a virus scanner: every upload passes through the {@code UploadScanner} bean after its type is
 * checked and before it is stored. The default accepts everything; an installation with a scanner (e.g. ClamAV's
 * clamd) provides its own bean that throws {@link cn.zhaoshang.platform.BusinessException} with key
 * {@code attachment.infected} to refuse a file. See docs/operations.md.
 */
public interface UploadScanner {

	void scan(String fileName, byte[] content);
}
