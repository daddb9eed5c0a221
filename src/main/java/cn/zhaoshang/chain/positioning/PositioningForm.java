package cn.zhaoshang.chain.positioning;

import java.math.BigDecimal;
import java.util.List;

import cn.zhaoshang.chain.ChainId;
import cn.zhaoshang.chain.UnitPositioning;

/** The positioning form as sent (capacity as typed, so that a wrong number is shown again). */
public record PositioningForm(List<Long> primaryChainIds, List<Long> secondaryChainIds, String netLandMu,
		String factoryM2, String parks, Integer version) {

	static PositioningForm empty() {
		return new PositioningForm(List.of(), List.of(), "", "", "", null);
	}

	static PositioningForm of(UnitPositioning p) {
		return new PositioningForm(p.primary().stream().map(ChainId::value).toList(),
				p.secondary().stream().map(ChainId::value).toList(), text(p.netLandMu()), text(p.factoryM2()),
				p.parks() == null ? "" : p.parks(), p.version());
	}

	static String text(BigDecimal v) {
		return v == null ? "" : v.stripTrailingZeros().toPlainString();
	}

	PositioningForm withVersion(Integer v) {
		return new PositioningForm(primaryChainIds, secondaryChainIds, netLandMu, factoryM2, parks, v);
	}

	public boolean primary(long chainId) {
		return primaryChainIds.contains(chainId);
	}

	public boolean secondary(long chainId) {
		return secondaryChainIds.contains(chainId);
	}
}
