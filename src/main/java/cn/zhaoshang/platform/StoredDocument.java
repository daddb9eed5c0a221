package cn.zhaoshang.platform;

import java.time.Instant;

/**
 * Metadata of a file in the {@link Documents document store}; the bytes are read through
 * {@link Documents#read(StoredDocument)}.
 *
 * @param owner what the file belongs to; null while the upload is unclaimed (its uploader's)
 * @param kind how the owner files it (a project: EVIDENCE, PHOTO, OTHER)
 * @param tag what the file proves, in the owner module's terms (a project: an EvidenceKind name); may be null
 */
public record StoredDocument(long id, String fileName, String contentType, long sizeBytes, String sha256,
		String storageKey, UnitId unit, DocumentOwner owner, String kind, String tag, String uploadedBy,
		Instant uploadedAt) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

	public boolean isUnclaimed() {
		return owner == null;
	}

	/** Whether this user may hand the file to {@code to}: their own unclaimed upload, or already {@code to}'s. */
	public boolean claimableBy(CurrentUser user, DocumentOwner to) {
		return owner == null ? user != null && user.getUsername().equals(uploadedBy) : owner.equals(to);
	}
}
