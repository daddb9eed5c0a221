package cn.zhaoshang.allocation.internal;

import cn.zhaoshang.allocation.TransferStatus;

import jakarta.validation.constraints.Size;

/**
 * The transfer list's filters: text in the subject's code or name or the reason, status, a unit (either side),
 * project or clue ({@code kind} PROJECT or CLUE); sort key and direction.
 */
public record TransferFilter(@Size(max = 200) String q, TransferStatus status, Long unit, String kind, String sort,
		String dir) {

	public static TransferFilter none() {
		return new TransferFilter(null, null, null, null, null, null);
	}
}
