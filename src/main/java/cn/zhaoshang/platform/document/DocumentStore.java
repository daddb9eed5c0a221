package cn.zhaoshang.platform.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.StoredDocument;
import cn.zhaoshang.platform.UnitId;
import cn.zhaoshang.platform.UploadScanner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link Documents} on disk and in the {@code attachment} table. A file is written under a random name before its
 * row; a transaction synchronisation deletes it again when the transaction does not commit, so the two stay
 * together. Removing a file works the other way round: the row goes in the transaction, the file after the commit.
 */
@Service
class DocumentStore implements Documents {

	private static final Logger log = LoggerFactory.getLogger(DocumentStore.class);

	private final JdbcClient jdbc;
	private final Auditor auditor;
	private final Clock clock;
	private final UploadScanner scanner;
	private final Path root;

	DocumentStore(JdbcClient jdbc, Auditor auditor, Clock clock, ObjectProvider<UploadScanner> scanners,
			@Value("${zhaoshang.attachments.dir:${zhaoshang.data-dir}/attachments}") Path root) {
		this.jdbc = jdbc;
		this.auditor = auditor;
		this.clock = clock;
		this.scanner = ScannerChoice.of(scanners.orderedStream().toList());
		this.root = root;
	}

	@Override
	@Transactional
	public StoredDocument store(String originalName, byte[] bytes, CurrentUser user, DocumentOwner owner, String kind,
			String tag) {
		return store(originalName, bytes, user.unitId() == null ? null : user.unitId().value(), user.getUsername(),
				owner, kind, tag);
	}

	@Override
	@Transactional
	public StoredDocument storePublic(String originalName, byte[] bytes, DocumentOwner owner, String kind) {
		return store(originalName, bytes, null, "public", owner, kind, null);
	}

	private StoredDocument store(String originalName, byte[] bytes, Long unitId, String uploadedBy,
			DocumentOwner owner, String kind, String tag) {
		if (bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new BusinessException(413, "attachment.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		var type = FileTypes.detect(bytes).orElseThrow(() -> new BusinessException(415, "attachment.badType"));
		scanner.scan(originalName, bytes);
		String key = UUID.randomUUID() + "." + type.extension();
		Path file = root.resolve(key);
		write(file, bytes);
		deleteUnlessCommitted(file);
		String name = safeName(originalName, type.extension());
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO attachment (file_name, content_type, size_bytes, sha256, storage_key, unit_id, owner_type,
				                        owner_id, kind, uploaded_by, uploaded_at, evidence_kind)
				VALUES (:name, :type, :size, :sha, :key, :unit, :ownerType, :ownerId, :kind, :by, :at, :tag)""")
			.param("name", name)
			.param("type", type.mimeType())
			.param("size", bytes.length)
			.param("sha", sha256(bytes))
			.param("key", key)
			.param("unit", unitId)
			.param("ownerType", owner == null ? null : owner.type())
			.param("ownerId", owner == null ? null : owner.id())
			.param("kind", kind)
			.param("by", uploadedBy)
			.param("at", clock.instant().atOffset(ZoneOffset.UTC))
			.param("tag", tag)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("fileName", name);
		after.put("contentType", type.mimeType());
		after.put("sizeBytes", bytes.length);
		if (owner != null) {
			// <type>Id, e.g. "projectId": the key the project's history labels read (ProjectLabels)
			after.put(owner.type() + "Id", owner.id());
		}
		after.put("evidenceKind", tag == null ? "" : tag);
		auditor.record("attachment", id, "UPLOAD", name, Map.of(), after);
		return find(id).orElseThrow();
	}

	@Override
	public Optional<StoredDocument> find(long id) {
		return jdbc.sql("SELECT * FROM attachment WHERE id = :id").param("id", id).query(DocumentStore::row).optional();
	}

	@Override
	public List<StoredDocument> ofOwner(DocumentOwner owner) {
		return jdbc.sql("""
				SELECT * FROM attachment WHERE owner_type = :type AND owner_id = :id
				ORDER BY uploaded_at DESC, id DESC""")
			.param("type", owner.type())
			.param("id", owner.id())
			.query(DocumentStore::row)
			.list();
	}

	@Override
	@Transactional
	public void claim(long id, DocumentOwner owner, String kind) {
		jdbc.sql("UPDATE attachment SET owner_type = :type, owner_id = :owner, kind = :kind WHERE id = :id")
			.param("type", owner.type())
			.param("owner", owner.id())
			.param("kind", kind)
			.param("id", id)
			.update();
	}

	@Override
	@Transactional
	public void tag(long id, String tag) {
		jdbc.sql("UPDATE attachment SET evidence_kind = :tag WHERE id = :id").param("tag", tag).param("id", id).update();
	}

	@Override
	public byte[] read(StoredDocument document) {
		try {
			return Files.readAllBytes(root.resolve(document.storageKey()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public boolean isImage(byte[] bytes) {
		return FileTypes.detect(bytes).map(FileTypes.FileType::isImage).orElse(false);
	}

	/**
	 * Removes a row in the current transaction and its file once that commits (a rolled-back removal keeps both).
	 * For the cleanup job.
	 */
	void remove(StoredDocument document) {
		jdbc.sql("DELETE FROM attachment WHERE id = :id").param("id", document.id()).update();
		Path file = root.resolve(document.storageKey());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					delete(file);
				}
			});
		}
		else {
			delete(file);
		}
	}

	Path root() {
		return root;
	}

	private void write(Path file, byte[] bytes) {
		try {
			Files.createDirectories(root);
			Path tmp = Files.createTempFile(root, "upload-", ".part");
			try {
				Files.write(tmp, bytes);
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(tmp);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The file goes again when the transaction that wrote its row rolls back (or ends in an unknown state). */
	private static void deleteUnlessCommitted(Path file) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return; // store() is @Transactional: only reached when called on the bare object, e.g. in a unit test
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED) {
					delete(file);
				}
			}
		});
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete {}: {}", file, e.toString());
		}
	}

	static StoredDocument row(ResultSet rs, int n) throws SQLException {
		String ownerType = rs.getString("owner_type");
		Long unit = rs.getObject("unit_id", Long.class);
		return new StoredDocument(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("storage_key"),
				unit == null ? null : new UnitId(unit),
				ownerType == null ? null : new DocumentOwner(ownerType, rs.getLong("owner_id")), rs.getString("kind"),
				rs.getString("evidence_kind"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
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
		return base.toLowerCase(Locale.ROOT).endsWith("." + extension) ? base : base + "." + extension;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
