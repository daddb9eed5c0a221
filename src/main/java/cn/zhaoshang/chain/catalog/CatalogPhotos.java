package cn.zhaoshang.chain.catalog;

import java.util.List;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.StoredDocument;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of a catalog project, on the platform's document store (owner {@code catalog}): JPEG or PNG only,
 * uploaded by whoever may edit the project; shown on the internal page and, once published, on the public page.
 */
@Service
public class CatalogPhotos {

	static final String KIND = "PHOTO";

	private final Documents documents;
	private final CatalogRepository repository;
	private final CatalogWrites writes;

	CatalogPhotos(Documents documents, CatalogRepository repository, CatalogWrites writes) {
		this.documents = documents;
		this.repository = repository;
		this.writes = writes;
	}

	public List<StoredDocument> of(long catalogProjectId) {
		return documents.ofOwner(owner(catalogProjectId)).stream().filter(StoredDocument::isImage).toList();
	}

	@Transactional
	public StoredDocument upload(long catalogProjectId, String fileName, byte[] bytes, CurrentUser user) {
		CatalogProject p = repository.findById(catalogProjectId).orElseThrow(NotFoundException::new);
		if (!writes.mayEdit(p, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (bytes.length > 0 && !documents.isImage(bytes)) {
			throw new BusinessException(415, "catalog.error.photoType");
		}
		return documents.store(fileName, bytes, user, owner(catalogProjectId), KIND, null);
	}

	/** The photo's bytes when it belongs to the catalog project (else 404). */
	public ResponseEntity<byte[]> serve(long catalogProjectId, long documentId) {
		StoredDocument d = of(catalogProjectId).stream()
			.filter(x -> x.id() == documentId)
			.findFirst()
			.orElseThrow(NotFoundException::new);
		byte[] bytes = documents.read(d);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(d.contentType()))
			.contentLength(bytes.length)
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.cacheControl(CacheControl.noCache())
			.body(bytes);
	}

	private static DocumentOwner owner(long id) {
		return DocumentOwner.of(CatalogWrites.RECORD, id);
	}
}
