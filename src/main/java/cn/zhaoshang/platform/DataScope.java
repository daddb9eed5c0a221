package cn.zhaoshang.platform;

import java.util.Set;

/**
 * Which units' records a user may read and which they may change (DESIGN §5). Records always belong to a unit;
 * rights are role × unit scope.
 *
 * @param readAll whether every unit's records are readable (the shared city pool)
 * @param editAll whether every unit's records are editable
 * @param readable units readable when not {@code readAll}
 * @param editable units editable when not {@code editAll}
 */
public record DataScope(boolean readAll, boolean editAll, Set<UnitId> readable, Set<UnitId> editable) {

	public static final DataScope NONE = new DataScope(false, false, Set.of(), Set.of());

	public boolean canRead(UnitId unit) {
		return readAll || (unit != null && readable.contains(unit));
	}

	public boolean canEdit(UnitId unit) {
		return editAll || (unit != null && editable.contains(unit));
	}
}
