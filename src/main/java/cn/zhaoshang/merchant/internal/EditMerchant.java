package cn.zhaoshang.merchant.internal;

import java.util.List;
import java.util.Objects;

import cn.zhaoshang.merchant.EnterpriseNames;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Candidate;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Checked;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Duplicate;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits an enterprise record: not a merged one (409), only by its editors (403), at the version read (else 409),
 * every rule checked first; a new name or USCC must not match another record (ADR 0004).
 */
@Service
public class EditMerchant {

	private final MerchantRegistry registry;
	private final MerchantDuplicates duplicates;
	private final MerchantStore store;
	private final MerchantReader reader;
	private final Auditor auditor;

	EditMerchant(MerchantRegistry registry, MerchantDuplicates duplicates, MerchantStore store, MerchantReader reader,
			Auditor auditor) {
		this.registry = registry;
		this.duplicates = duplicates;
		this.store = store;
		this.reader = reader;
		this.auditor = auditor;
	}

	@Transactional
	public void execute(long id, MerchantInput in, CurrentUser user) {
		MerchantRecord before = reader.get(id);
		if (before.merged()) {
			throw new BusinessException(409, "merchant.mergedReadOnly", before.mergedIntoName());
		}
		if (!registry.canEdit(before, user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		if (in.version() == null || in.version() != before.version()) {
			throw new OptimisticLockingFailureException("merchant " + id + " changed meanwhile");
		}
		Long unit = in.registeringUnitId() != null ? in.registeringUnitId()
				: before.unitId() == null ? null : before.unitId().value();
		Checked c = registry.check(in, unit, user);
		// Only a change of name or USCC can make a new duplicate: a legacy duplicate stays editable until merged.
		boolean identityChanged = !EnterpriseNames.normalize(c.name()).equals(EnterpriseNames.normalize(before.name()))
				|| !Objects.equals(c.uscc(), before.uscc());
		var found = identityChanged ? duplicates.of(c.name(), c.uscc(), id) : List.<Candidate>of();
		if (!found.isEmpty()) {
			throw new Duplicate(found);
		}
		var beforeView = reader.auditView(id);
		store.write(id, c, in.version());
		auditor.record("merchant", id, "UPDATE", c.name(), beforeView, reader.auditView(id));
	}
}
