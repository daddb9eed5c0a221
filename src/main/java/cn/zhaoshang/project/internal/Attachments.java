package cn.zhaoshang.project.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.project.EvidenceKind;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments: bytes on disk under {@code <data-dir>/attachments/} (configurable), metadata in the database. The
 * type is checked by content (pdf, jpg, png, docx, xlsx), the size against the 20 MB limit; an upload not yet
 * linked to a project belongs to its uploader until a stage move or progress update claims it.
 */
@Service
public class Attachments {

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;
	private final UploadScanner scanner;
	private final Path root;

	Attachments(JdbcClient jdbc, Auditor auditor, Clock clock, UploadScanner scanner,
			@Value("${zhaoshang.attachments.dir:${zhaoshang.data-dir}/attachments}") Path root) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
		this.scanner = scanner;
		this.root = root;
	}

	/** Metadata of a stored file. */
	public record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256,
			String storageKey, Long unitId, Long projectId, String kind, String uploadedBy, Instant uploadedAt,
			EvidenceKind evidenceKind) {

		public boolean isImage() {
			return contentType.startsWith("image/");
		}
	}

	@Transactional
	public Attachment store(String originalName, byte[] bytes, CurrentUser user, Long projectId, String kind) {
		return store(originalName, bytes, user, projectId, kind, null);
	}

	/** Stores a file; {@code evidenceKind} says what an evidence file proves (null: untagged). */
	@Transactional
	public Attachment store(String originalName, byte[] bytes, CurrentUser user, Long projectId, String kind,
			EvidenceKind evidenceKind) {
		if (bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new BusinessException(413, "attachment.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		var type = FileTypes.detect(bytes).orElseThrow(() -> new BusinessException(415, "attachment.badType"));
		scanner.scan(originalName, bytes);
		String key = UUID.randomUUID() + "." + type.extension();
		try {
			Files.createDirectories(root);
			Path tmp = Files.createTempFile(root, "upload-", ".part");
			Files.write(tmp, bytes);
			Files.move(tmp, root.resolve(key), StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String name = safeName(originalName, type.extension());
		var keys = new GeneratedKeyHolder();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO attachment (file_name, content_type, size_bytes, sha256, storage_key, unit_id, project_id,
				                        kind, uploaded_by, uploaded_at, evidence_kind)
				VALUES (:name, :type, :size, :sha, :key, :unit, :project, :kind, :by, :at, :evidenceKind)""")
			.param("name", name)
			.param("type", type.mimeType())
			.param("size", bytes.length)
			.param("sha", sha256(bytes))
			.param("key", key)
			.param("unit", user.unitId() == null ? null : user.unitId().value())
			.param("project", projectId)
			.param("kind", kind)
			.param("by", user.getUsername())
			.param("at", now.atOffset(ZoneOffset.UTC))
			.param("evidenceKind", evidenceKind == null ? null : evidenceKind.name())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		auditor.record("attachment", id, "UPLOAD", name, Map.of(),
				Map.of("fileName", name, "contentType", type.mimeType(), "sizeBytes", bytes.length,
						"projectId", projectId == null ? "" : projectId, "evidenceKind",
						evidenceKind == null ? "" : evidenceKind.name()));
		return find(id).orElseThrow();
	}

	public Optional<Attachment> find(long id) {
		return jdbc.sql("SELECT * FROM attachment WHERE id = :id").param("id", id).query(this::row).optional();
	}

	public List<Attachment> ofProject(long projectId) {
		return jdbc.sql("SELECT * FROM attachment WHERE project_id = :p ORDER BY uploaded_at DESC, id DESC")
			.param("p", projectId)
			.query(this::row)
			.list();
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
			Attachment a = find(id).orElseThrow(() -> new FieldException(field, "attachment.unknown", id));
			boolean mine = a.projectId() == null && user.getUsername().equals(a.uploadedBy());
			boolean here = a.projectId() != null && a.projectId() == projectId;
			if (!mine && !here) {
				throw new FieldException(field, "attachment.unknown", id);
			}
			if (mine) {
				jdbc.sql("UPDATE attachment SET project_id = :p, kind = :k WHERE id = :id")
					.param("p", projectId)
					.param("k", kind)
					.param("id", id)
					.update();
			}
			EvidenceKind tag = evidenceKinds.get(id);
			if (tag != null && tag.name() != null && !tag.name().equals(a.evidenceKind() == null ? null
					: a.evidenceKind().name())) {
				jdbc.sql("UPDATE attachment SET evidence_kind = :e WHERE id = :id")
					.param("e", tag.name())
					.param("id", id)
					.update();
			}
		}
	}

	public byte[] read(Attachment a) {
		try {
			return Files.readAllBytes(root.resolve(a.storageKey()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private Attachment row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
				(Long) rs.getObject("unit_id", Long.class), (Long) rs.getObject("project_id", Long.class),
				rs.getString("kind"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", java.time.OffsetDateTime.class).toInstant(),
				rs.getString("evidence_kind") == null ? null : EvidenceKind.valueOf(rs.getString("evidence_kind")));
	}

	/** The file name shown and offered on download: no path, no control characters, the detected extension. */
	static String safeName(String original, String extension) {
		String base = original == null ? "" : original.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").trim();
		if (base.isEmpty()) {
			base = "file";
		}
		if (base.length() > 200) {
			base = base.substring(0, 200);
		}
		return base.toLowerCase(java.util.Locale.ROOT).endsWith("." + extension) ? base : base + "." + extension;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ScannerConfig {

		@Bean
		@ConditionalOnMissingBean
		UploadScanner noScanner() {
			return (name, content) -> {
			};
		}
	}
}
