package cn.zhaoshang.service.appeal;

import java.util.List;
import java.util.Map;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DataScopes;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.StoredDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments of an appeal in the platform's document store (owner type {@code appeal}): the enterprise's
 * letter, photos, the department's written answer. Whoever may read the appeal reads its files; whoever may handle
 * it (the bureau, the assigned unit's editors) adds files; the store audits each upload, and the appeal's own
 * history gets a line for it (上传, the file's name), as the user guide says.
 */
@Service
public class AppealDocuments {

	static final String OWNER = "appeal";

	private final Documents documents;
	private final AppealQueries queries;
	private final AppealWrites writes;
	private final DataScopes scopes;
	private final Auditor auditor;

	AppealDocuments(Documents documents, AppealQueries queries, AppealWrites writes, DataScopes scopes,
			Auditor auditor) {
		this.documents = documents;
		this.queries = queries;
		this.writes = writes;
		this.scopes = scopes;
		this.auditor = auditor;
	}

	/** At most this many files with a public appeal. */
	public static final int PUBLIC_MAX_FILES = 3;

	/** Each of them at most this large (5 MB; the staff's uploads may be larger). */
	public static final int PUBLIC_MAX_BYTES = 5 * 1024 * 1024;

	/** A file sent with a public appeal. */
	public record Upload(String name, byte[] bytes) {
	}

	/** A refused file of a public appeal: its name and why (a message key and its arguments). */
	public static final class RefusedUpload extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final String fileName;
		private final String messageKey;
		private final transient Object[] args;

		RefusedUpload(String fileName, String messageKey, Object... args) {
			super(messageKey, null, false, false);
			this.fileName = fileName;
			this.messageKey = messageKey;
			this.args = args;
		}

		public String fileName() {
			return fileName;
		}

		public String messageKey() {
			return messageKey;
		}

		public Object[] args() {
			return args;
		}
	}

	/**
	 * Files a public appeal with its files, all or nothing: more than {@link #PUBLIC_MAX_FILES} files, a file over
	 * {@link #PUBLIC_MAX_BYTES}, an empty one or one of a type the store does not take refuses the whole appeal
	 * ({@link RefusedUpload} naming the file), so that the enterprise sends it again corrected.
	 */
	@Transactional
	public Appeal filePublic(PublicAppealForm form, List<Upload> uploads) {
		if (uploads.size() > PUBLIC_MAX_FILES) {
			throw new RefusedUpload(null, "appeal.files.tooMany", PUBLIC_MAX_FILES);
		}
		for (Upload u : uploads) {
			if (u.bytes().length > PUBLIC_MAX_BYTES) {
				throw new RefusedUpload(u.name(), "attachment.tooLarge", PUBLIC_MAX_BYTES / 1024 / 1024);
			}
		}
		Appeal appeal = writes.filePublic(form);
		for (Upload u : uploads) {
			try {
				documents.storePublic(u.name(), u.bytes(), DocumentOwner.of(OWNER, appeal.id()), "OTHER");
			}
			catch (BusinessException e) {
				throw new RefusedUpload(u.name(), e.messageKey(), e.args());
			}
		}
		return appeal;
	}

	/** A file with its bytes. */
	public record Download(StoredDocument document, byte[] bytes) {
	}

	public List<StoredDocument> of(long appealId, CurrentUser user) {
		return documents.ofOwner(owner(appealId, user));
	}

	/** Stores a file for the appeal (403 unless the user may handle it); refusals of the store as they come. */
	@Transactional
	public StoredDocument store(long appealId, String name, byte[] bytes, CurrentUser user) {
		var row = queries.find(appealId, AppealScope.of(user, scopes)).orElseThrow(NotFoundException::new);
		if (!writes.mayHandle(row, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (bytes == null || bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		StoredDocument stored = documents.store(name, bytes, user, DocumentOwner.of(OWNER, appealId), "OTHER", null);
		auditor.record(AppealWrites.RECORD, appealId, "UPLOAD", stored.fileName(), Map.of(),
				Map.of("file", stored.fileName()));
		return stored;
	}

	/** One of the appeal's files; 404 when it is another owner's or the appeal is not readable. */
	public Download read(long appealId, long documentId, CurrentUser user) {
		DocumentOwner owner = owner(appealId, user);
		StoredDocument d = documents.find(documentId).filter(x -> owner.equals(x.owner()))
			.orElseThrow(NotFoundException::new);
		return new Download(d, documents.read(d));
	}

	private DocumentOwner owner(long appealId, CurrentUser user) {
		queries.find(appealId, AppealScope.of(user, scopes)).orElseThrow(NotFoundException::new);
		return DocumentOwner.of(OWNER, appealId);
	}
}
