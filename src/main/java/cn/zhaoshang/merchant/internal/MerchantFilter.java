package cn.zhaoshang.merchant.internal;

import cn.zhaoshang.merchant.EnterpriseType;
import cn.zhaoshang.merchant.SourceTag;

/**
 * The list's search and filters, bound from query parameters on the page, the export and the API.
 *
 * @param q any part of the name, of a former name or alias, or of the USCC
 * @param chain an industry chain id
 * @param flag {@code listed}, {@code global500} or {@code china500}
 * @param unit the registering unit's id
 * @param sort {@code name}, {@code uscc}, {@code type}, {@code unit} or {@code updated} (default)
 * @param dir {@code asc} or {@code desc}; the default is ascending for names, descending for the update time
 */
public record MerchantFilter(String q, EnterpriseType type, Long chain, SourceTag tag, String flag, Long unit,
		String sort, String dir) {

	public static final MerchantFilter NONE = new MerchantFilter(null, null, null, null, null, null, null, null);

	/** The filter as a query string (without sort), for export links. */
	public String query() {
		var sb = new StringBuilder();
		add(sb, "q", q);
		add(sb, "type", type == null ? null : type.name());
		add(sb, "chain", chain);
		add(sb, "tag", tag == null ? null : tag.name());
		add(sb, "flag", flag);
		add(sb, "unit", unit);
		return sb.toString();
	}

	private static void add(StringBuilder sb, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			sb.append(sb.isEmpty() ? "" : "&").append(name).append('=')
				.append(java.net.URLEncoder.encode(value.toString(), java.nio.charset.StandardCharsets.UTF_8));
		}
	}
}
