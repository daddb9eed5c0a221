package cn.zhaoshang.merchant;

import java.time.LocalDate;

import cn.zhaoshang.platform.UnitId;

/**
 * One record linked to a merchant, as its page lists it.
 *
 * @param kind the {@link MerchantLinks#kind()} of the provider
 * @param id the record's id in its own module
 * @param title what the record is called (project name, clue title, visit summary)
 * @param statusKey message key of its stage or status, resolved by the page
 * @param unit the unit that owns the record
 * @param date the record's most telling date (stage date, last follow-up, visit date)
 * @param path the page that shows the record
 */
public record MerchantLink(String kind, long id, String title, String statusKey, UnitId unit, LocalDate date,
		String path) {
}
