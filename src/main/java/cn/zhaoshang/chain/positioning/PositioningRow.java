package cn.zhaoshang.chain.positioning;

import cn.zhaoshang.chain.UnitPositioning;
import cn.zhaoshang.platform.UnitSummary;

/** A row of the positioning list: the unit, its positioning (null while none) and whether the reader may edit it. */
public record PositioningRow(UnitSummary unit, UnitPositioning positioning, boolean editable) {
}
