package cn.zhaoshang.platform.web;

import java.util.List;

/**
 * What one module's import page says and where it points; the page itself ({@code platform/import.jte}) and its
 * handling ({@link ImportPages}) are the same for every import.
 *
 * @param titleKey the page title
 * @param ruleKeys the module's rules, one list item each
 * @param doneKey the counts after an import: {0} created, {1} updated, {2} unchanged
 * @param listUrl the module's list (the page's back link and the link after an import)
 * @param toListKey the link text to the list
 * @param url the page and the form's action
 * @param templateUrl the template download
 */
public record ImportPage(String titleKey, List<String> ruleKeys, String doneKey, String listUrl, String toListKey,
		String url, String templateUrl) {

	public ImportPage {
		ruleKeys = List.copyOf(ruleKeys);
	}
}
