package cn.zhaoshang.dispatch.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.dispatch.RoundStatus;

/** The rounds list's filters: text in the name or chair, status, the year of the period; sort key and direction. */
public record RoundFilter(@Size(max = 200) String q, RoundStatus status, @Min(2000) @Max(2100) Integer year,
		String sort, String dir) {

	public static RoundFilter none() {
		return new RoundFilter(null, null, null, null, null);
	}
}
