package cn.zhaoshang.chain;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The merchant database as the chain module needs it. The merchant module sits downstream of the chain module (it
 * files enterprises under chains), so the chain module may not call it; the merchant module implements this
 * interface as a bean instead.
 */
public interface ChainEnterprises {

	/** The enterprises with these ids (merged records answer as their survivor's name), by id. */
	Map<Long, ChainEnterprise> find(Collection<Long> ids);

	/** Up to {@code limit} enterprises whose name, alias or USCC contains the text, best match first. */
	List<ChainEnterprise> search(String text, int limit);
}
