package cn.zhaoshang.merchant.talent;

/**
 * What the talent list is filtered and sorted by, as query parameters of the page, the export and the API.
 *
 * @param q Chinese (or Latin) substring of name, fields, title, institution, city or level
 * @param relation how the talent is linked to Puyang
 * @param level level or honour, exactly as recorded
 * @param field one field of expertise, exactly
 * @param city the city where the talent works, exactly
 * @param unit the registering unit
 * @param status {@code active} (default), {@code inactive} or {@code all}
 * @param sort {@code name}, {@code level}, {@code institution}, {@code city}, {@code relation}, {@code unit} or
 * {@code updated} (default)
 * @param dir {@code asc} or {@code desc}; by default text columns ascend and {@code updated} descends
 */
public record TalentFilter(String q, TalentRelation relation, String level, String field, String city, Long unit,
		String status, String sort, String dir) {

	public static final TalentFilter NONE = new TalentFilter(null, null, null, null, null, null, null, null, null);

	public String statusOrDefault() {
		return status == null || status.isBlank() ? "active" : status;
	}

	public String sortOrDefault() {
		return sort == null || sort.isBlank() ? "updated" : sort;
	}

	public boolean ascending() {
		if (dir != null && !dir.isBlank()) {
			return "asc".equals(dir);
		}
		return !"updated".equals(sortOrDefault());
	}
}
