package cn.zhaoshang.chain.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhaoshang.chain.ChainEnterprise;
import cn.zhaoshang.chain.ChainEnterprises;

import org.springframework.stereotype.Component;

/** The merchant database through whichever module implements {@link ChainEnterprises} (none: nothing is known). */
@Component
public class Enterprises {

	private final List<ChainEnterprises> providers;

	Enterprises(List<ChainEnterprises> providers) {
		this.providers = providers;
	}

	public Map<Long, ChainEnterprise> find(Collection<Long> ids) {
		if (ids.isEmpty() || providers.isEmpty()) {
			return Map.of();
		}
		return providers.get(0).find(ids);
	}

	public Optional<ChainEnterprise> find(long id) {
		return Optional.ofNullable(find(List.of(id)).get(id));
	}

	public List<ChainEnterprise> search(String text, int limit) {
		return providers.isEmpty() || text == null || text.isBlank() ? List.of()
				: providers.get(0).search(text.strip(), limit);
	}

	/** The enterprise's name, or its id in brackets when it is unknown. */
	public static String name(Map<Long, ChainEnterprise> found, long id) {
		ChainEnterprise e = found.get(id);
		return e == null ? "#" + id : e.name();
	}
}
