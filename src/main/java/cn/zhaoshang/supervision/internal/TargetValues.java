package cn.zhaoshang.supervision.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import cn.zhaoshang.supervision.TargetIndicator;

/**
 * The figures of one unit's annual target by indicator; an absent indicator has no target. Counts are kept as
 * whole BigDecimals, amounts with two decimals.
 */
public record TargetValues(Map<TargetIndicator, BigDecimal> byIndicator) {

	public static final TargetValues EMPTY = new TargetValues(Map.of());

	public TargetValues {
		EnumMap<TargetIndicator, BigDecimal> copy = new EnumMap<>(TargetIndicator.class);
		byIndicator.forEach((k, v) -> {
			if (v != null) {
				copy.put(k, v);
			}
		});
		byIndicator = Collections.unmodifiableMap(copy);
	}

	public BigDecimal get(TargetIndicator indicator) {
		return byIndicator.get(indicator);
	}

	/** A count as an Integer (null when not set). */
	public Integer count(TargetIndicator indicator) {
		BigDecimal v = get(indicator);
		return v == null ? null : v.intValueExact();
	}

	public boolean isEmpty() {
		return byIndicator.isEmpty();
	}

	/** Equal figures, whatever the scale of the amounts (12.5 and 12.50). */
	public boolean sameAs(TargetValues other) {
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal a = get(i);
			BigDecimal b = other.get(i);
			if (!(a == null ? b == null : b != null && a.compareTo(b) == 0)) {
				return false;
			}
		}
		return true;
	}

	/** The figures for the audit trail, by field name, in indicator order (nulls left out). */
	public Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		for (TargetIndicator i : TargetIndicator.values()) {
			BigDecimal v = get(i);
			if (v != null) {
				view.put(i.field(), i.kind().amount() ? v.setScale(2).toPlainString() : v.toPlainString());
			}
		}
		return view;
	}

	/** Normalised for storing: counts without scale, amounts with two decimals. */
	public TargetValues normalised() {
		EnumMap<TargetIndicator, BigDecimal> map = new EnumMap<>(TargetIndicator.class);
		byIndicator.forEach((i, v) -> map.put(i, i.kind().amount() ? v.setScale(2, java.math.RoundingMode.UNNECESSARY)
				: new BigDecimal(v.toBigIntegerExact())));
		return new TargetValues(map);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof TargetValues other && sameAs(other);
	}

	@Override
	public int hashCode() {
		return Objects.hash(byIndicator.size());
	}
}
