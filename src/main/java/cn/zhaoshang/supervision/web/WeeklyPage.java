package cn.zhaoshang.supervision.web;

import java.util.Locale;

import cn.zhaoshang.platform.list.Paging;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Header;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Item;
import cn.zhaoshang.supervision.internal.WeeklyDynamics.Week;
import cn.zhaoshang.supervision.internal.WeeklyExport;

/** What the weekly dynamics templates show. */
public final class WeeklyPage {

	private WeeklyPage() {
	}

	/**
	 * The list of weeks.
	 *
	 * @param editor the city bureau (sees drafts, compiles)
	 * @param lastWeek the week the form proposes to compile
	 */
	public record List(Paging<Header> weeks, boolean editor, String lastWeek) {
	}

	/**
	 * One week.
	 *
	 * @param error a refusal's message key after a redirect, or null
	 */
	public record Detail(Week week, boolean editor, WeeklyExport texts, Locale locale, String error,
			Object[] errorArgs) {

		/** What a line says changed, in the reader's language. */
		public String change(Item item) {
			return texts.change(item, locale);
		}

		public boolean editable() {
			return editor && !week.header().published();
		}
	}
}
