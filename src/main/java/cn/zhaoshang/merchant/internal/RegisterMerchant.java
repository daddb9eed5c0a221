package cn.zhaoshang.merchant.internal;

import java.util.Map;

import cn.zhaoshang.merchant.internal.MerchantRegistry.Checked;
import cn.zhaoshang.merchant.internal.MerchantRegistry.Duplicate;
import cn.zhaoshang.platform.Auditor;
import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers an enterprise in the merchant database: an editing role, every rule checked first (each naming its
 * field), refused as a {@link Duplicate} when it matches a stored record (ADR 0004). Returns the new id.
 */
@Service
public class RegisterMerchant {

	private final MerchantRegistry registry;
	private final MerchantDuplicates duplicates;
	private final MerchantStore store;
	private final MerchantReader reader;
	private final Auditor auditor;

	RegisterMerchant(MerchantRegistry registry, MerchantDuplicates duplicates, MerchantStore store,
			MerchantReader reader, Auditor auditor) {
		this.registry = registry;
		this.duplicates = duplicates;
		this.store = store;
		this.reader = reader;
		this.auditor = auditor;
	}

	@Transactional
	public long execute(MerchantInput in, CurrentUser user) {
		if (!MerchantRegistry.canCreate(user)) {
			throw new BusinessException(403, "error.forbidden");
		}
		Long unit = in.registeringUnitId() != null ? in.registeringUnitId()
				: user.unitId() == null ? null : user.unitId().value();
		Checked c = registry.check(in, unit, user);
		var found = duplicates.of(c.name(), c.uscc(), null);
		if (!found.isEmpty()) {
			throw new Duplicate(found);
		}
		long id = store.insert(c, user);
		auditor.record("merchant", id, "CREATE", c.name(), Map.of(), reader.auditView(id));
		return id;
	}
}
