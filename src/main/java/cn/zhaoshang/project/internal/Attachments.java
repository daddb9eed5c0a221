package cn.zhaoshang.project.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.project.EvidenceKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project's files, kept in the platform's document store ({@link Documents}, owner type {@code project}): the
 * store checks type, size and scanner and keeps file and row in one transaction; this class adds the project's
 * terms: the kinds EVIDENCE, PHOTO and OTHER, the {@link EvidenceKind} an evidence file proves, and the rule of which
 * uploads a stage move or progress update may claim.
 */
@Service
public class Attachments {

	public static final long MAX_BYTES = Documents.MAX_BYTES;

	static final String OWNER_TYPE = "project";

	private final Documents documents;

	Attachments(Documents documents) {
		this.documents = documents;
	}

	/** Metadata of a project's file (or of an upload not yet claimed, {@code projectId} null). */
	public record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256,
			String storageKey, Long unitId, Long projectId, String kind, String uploadedBy, Instant uploadedAt,
			EvidenceKind evidenceKind) {

		public boolean isImage() {
			return contentType.startsWith("image/");
		}

		static Attachment of(StoredDocument d) {
			Long project = d.owner() != null && OWNER_TYPE.equals(d.owner().type()) ? d.owner().id() : null;
			return new Attachment(d.id(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(), d.storageKey(),
					d.unit() == null ? null : d.unit().value(), project, d.kind(), d.uploadedBy(), d.uploadedAt(),
					Attachments.kindOf(d.tag()));
		}
	}

	static DocumentOwner owner(long projectId) {
		return DocumentOwner.of(OWNER_TYPE, projectId);
	}

	@Transactional
	public Attachment store(String originalName, byte[] bytes, CurrentUser user, Long projectId, String kind) {
		return store(originalName, bytes, user, projectId, kind, null);
	}

	/**
	 * Stores a file, the project's or (projectId null) unclaimed; {@code evidenceKind} says what an evidence file
	 * proves (null: untagged). Joins the caller's transaction: its rollback takes the file with it.
	 */
	@Transactional
	public Attachment store(String originalName, byte[] bytes, CurrentUser user, Long projectId, String kind,
			EvidenceKind evidenceKind) {
		return Attachment.of(documents.store(originalName, bytes, user, projectId == null ? null : owner(projectId),
				kind, evidenceKind == null ? null : evidenceKind.name()));
	}

	/** A stored file; an upload of another owner type is not one of the project module's. */
	public Optional<Attachment> find(long id) {
		return documents.find(id)
			.filter(d -> d.owner() == null || OWNER_TYPE.equals(d.owner().type()))
			.map(Attachment::of);
	}

	public List<Attachment> ofProject(long projectId) {
		return documents.ofOwner(owner(projectId)).stream().map(Attachment::of).toList();
	}

	/** Whether the user may name this file in a move of the project: their unclaimed upload, or already its. */
	boolean claimable(Attachment a, CurrentUser user, long projectId) {
		boolean mine = a.projectId() == null && user.getUsername().equals(a.uploadedBy());
		return mine || (a.projectId() != null && a.projectId() == projectId);
	}

	/**
	 * Links uploads to a project. Each must exist and be either unlinked and uploaded by this user, or already
	 * linked to this project; otherwise the whole action is refused.
	 */
	void claim(List<Long> ids, long projectId, CurrentUser user, String kind) {
		claim(ids, projectId, user, kind, Map.of());
	}

	/** {@link #claim(List, long, CurrentUser, String)}, tagging the files named in {@code evidenceKinds}. */
	void claim(List<Long> ids, long projectId, CurrentUser user, String kind, Map<Long, EvidenceKind> evidenceKinds) {
		// Named after the request field that listed the ids, so the API's errors[] and the page point at it.
		String field = "PHOTO".equals(kind) ? "photoIds" : "evidenceIds";
		for (Long id : ids) {
			if (id == null) {
				throw new FieldException(field, "validation.required");
			}
			Attachment a = find(id).filter(x -> claimable(x, user, projectId))
				.orElseThrow(() -> new FieldException(field, "attachment.unknown", id));
			if (a.projectId() == null) {
				documents.claim(id, owner(projectId), kind);
			}
			EvidenceKind tag = evidenceKinds.get(id);
			if (tag != null && tag != a.evidenceKind()) {
				documents.tag(id, tag.name());
			}
		}
	}

	public byte[] read(Attachment a) {
		return documents.read(documents.find(a.id()).orElseThrow());
	}

	/** JPEG or PNG by content (photos). */
	public boolean isImage(byte[] bytes) {
		return documents.isImage(bytes);
	}

	static EvidenceKind kindOf(String tag) {
		if (tag == null) {
			return null;
		}
		try {
			return EvidenceKind.valueOf(tag);
		}
		catch (IllegalArgumentException e) {
			return EvidenceKind.OTHER;
		}
	}
}
