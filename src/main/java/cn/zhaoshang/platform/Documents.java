package cn.zhaoshang.platform;

import java.util.List;
import java.util.Optional;

/**
 * The document store: uploaded files of any owner (a project, later a dispatch, an activity …), bytes on disk under
 * {@code zhaoshang.attachments.dir}, metadata in the {@code attachment} table. An upload's type is recognised by
 * content (PDF, JPEG, PNG, DOCX, XLSX; never by its name), its size limited to {@link #MAX_BYTES}, and it passes the
 * {@link UploadScanner}.
 *
 * <p>The file and its row are written in one transaction: {@link #store} joins the caller's transaction, and when
 * that rolls back the file written for it is deleted again, so a failed use case (a refused stage move) leaves no
 * file and no row. An upload stored without an owner is its uploader's until a use case {@link #claim claims} it,
 * in that use case's transaction; unclaimed uploads older than {@code zhaoshang.documents.unclaimed-max-age}
 * (default one day) are removed by a scheduled job.
 */
public interface Documents {

	/** The largest file accepted, 20 MB. */
	long MAX_BYTES = 20L * 1024 * 1024;

	/**
	 * Stores a file for an owner, or unclaimed when {@code owner} is null; audited as {@code UPLOAD}.
	 *
	 * @throws BusinessException {@code attachment.empty}, {@code attachment.tooLarge} (413),
	 *         {@code attachment.badType} (415) or the scanner's refusal
	 */
	StoredDocument store(String originalName, byte[] bytes, CurrentUser user, DocumentOwner owner, String kind,
			String tag);

	/**
	 * Stores a file a stranger sent with a public form (no account: uploaded by {@code public}, no unit) for its
	 * owner, with the checks and the audit of {@link #store}.
	 */
	StoredDocument storePublic(String originalName, byte[] bytes, DocumentOwner owner, String kind);

	Optional<StoredDocument> find(long id);

	/** The owner's files, newest first. */
	List<StoredDocument> ofOwner(DocumentOwner owner);

	/** Hands an unclaimed upload to its owner, filed as {@code kind} (callers check {@link StoredDocument#claimableBy}). */
	void claim(long id, DocumentOwner owner, String kind);

	/** Sets what the file proves. */
	void tag(long id, String tag);

	byte[] read(StoredDocument document);

	/** Whether the bytes are a JPEG or PNG by content (photos). */
	boolean isImage(byte[] bytes);
}
