package cn.zhaoshang.partner.internal;

import java.util.List;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;
import cn.zhaoshang.platform.DocumentOwner;
import cn.zhaoshang.platform.Documents;
import cn.zhaoshang.platform.NotFoundException;
import cn.zhaoshang.platform.StoredDocument;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of the partner module in the platform's document store: an agreement's signed text and a
 * consultant's appointment letter. Uploading is the city bureau's; reading follows the owner's visibility (an
 * agreement's files to whoever may read the agreement, a consultant's letter to internal users).
 */
@Service
public class PartnerDocuments {

	public static final String AGREEMENT = "partner_agreement";

	public static final String CONSULTANT = "partner_consultant";

	private final Documents documents;
	private final Agreements agreements;
	private final Consultants consultants;

	PartnerDocuments(Documents documents, Agreements agreements, Consultants consultants) {
		this.documents = documents;
		this.agreements = agreements;
		this.consultants = consultants;
	}

	/** Stores a file for an agreement or a consultant (the owner must exist); audited by the store as UPLOAD. */
	@Transactional
	public StoredDocument store(String ownerType, long ownerId, String name, byte[] bytes, CurrentUser user) {
		owner(ownerType, ownerId, user);
		if (bytes == null || bytes.length == 0) {
			throw new BusinessException("attachment.empty");
		}
		return documents.store(name, bytes, user, DocumentOwner.of(ownerType, ownerId),
				AGREEMENT.equals(ownerType) ? "AGREEMENT" : "APPOINTMENT_LETTER", null);
	}

	public List<StoredDocument> of(String ownerType, long ownerId, CurrentUser user) {
		return documents.ofOwner(owner(ownerType, ownerId, user));
	}

	/** A document the user may read with its bytes; 404 when it is not the owner's or not visible. */
	public Download read(String ownerType, long ownerId, long documentId, CurrentUser user) {
		DocumentOwner owner = owner(ownerType, ownerId, user);
		StoredDocument d = documents.find(documentId).filter(x -> owner.equals(x.owner()))
			.orElseThrow(NotFoundException::new);
		return new Download(d, documents.read(d));
	}

	/** A document with its bytes. */
	public record Download(StoredDocument document, byte[] bytes) {
	}

	private DocumentOwner owner(String ownerType, long ownerId, CurrentUser user) {
		if (AGREEMENT.equals(ownerType)) {
			agreements.get(ownerId, user);
		}
		else if (CONSULTANT.equals(ownerType)) {
			if (PartnerAccess.ownUnit(user) != null) {
				throw new NotFoundException();
			}
			consultants.get(ownerId);
		}
		else {
			throw new NotFoundException();
		}
		return DocumentOwner.of(ownerType, ownerId);
	}
}
