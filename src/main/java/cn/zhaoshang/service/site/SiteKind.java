package cn.zhaoshang.service.site;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import cn.zhaoshang.platform.list.Sorting;

/**
 * The two kinds of site a project is matched to, and what tells them apart: the table and its editable columns, the
 * statuses and how a reserved one moves on, the sort keys, the pages and their labels. One code path (store, use
 * cases, pages, import) serves both through this description.
 */
public enum SiteKind {

	LAND("land_parcel", "l", "landParcel", SiteController.LAND, "land", "p", ParcelStatus.class, "area_mu",
			"price", "price", new String[] { "location" },
			columns("unit_id", "unit", "name", "name", "park", "park", "location", "location", "area_mu", "area",
					"planned_use", "use", "water_ready", "water", "water_date", "waterDate", "power_ready", "power",
					"power_date", "powerDate", "gas_ready", "gas", "gas_date", "gasDate", "road_ready", "road",
					"road_date", "roadDate", "price", "price", "note", "note"),
			"site.flash.parcelCreated", "site.import.landRule"),

	FACTORY("factory", "f", "factory", SiteController.FACTORIES, "factory", "f", FactoryStatus.class,
			"floor_area_m2", "rent", "rent", new String[] { "building" },
			columns("unit_id", "unit", "name", "name", "park", "park", "building", "building", "floor_area_m2", "area",
					"floors", "floors", "floor_load", "load", "crane", "crane", "crane_tons", "tons", "rent", "rent",
					"note", "note"),
			"site.flash.factoryCreated", "site.import.factoryRule");

	private final String table;
	private final String alias;
	private final String auditEntity;
	private final String path;
	private final String page;
	private final String recordName;
	private final Class<? extends Enum<?>> statuses;
	private final String[] searched;
	private final Map<String, String> columns;
	private final String createdFlash;
	private final String importRule;
	private final Sorting sorting;

	SiteKind(String table, String alias, String auditEntity, String path, String page, String recordName,
			Class<? extends Enum<?>> statuses, String sizeColumn, String moneyKey, String moneyColumn,
			String[] searched, Map<String, String> columns, String createdFlash, String importRule) {
		this.table = table;
		this.alias = alias;
		this.auditEntity = auditEntity;
		this.path = path;
		this.page = page;
		this.recordName = recordName;
		this.statuses = statuses;
		this.searched = searched;
		this.columns = columns;
		this.createdFlash = createdFlash;
		this.importRule = importRule;
		this.sorting = Sorting.of("updated", "name", alias + ".name", "unit", "u.sort_order", "area",
				alias + "." + sizeColumn, moneyKey, alias + "." + moneyColumn, "status", alias + ".status", "updated",
				alias + ".updated_at").ascendingFirst("name", "unit", moneyKey, "status");
	}

	private static Map<String, String> columns(String... columnsAndParams) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndParams.length; i += 2) {
			m.put(columnsAndParams[i], columnsAndParams[i + 1]);
		}
		return m;
	}

	public String messageKey() {
		return "site.kind." + name();
	}

	/** The kind whose pages the request is on ({@code /sites/land…} or {@code /sites/factories…}). */
	static SiteKind of(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		return uri.startsWith(FACTORY.path + "/") || uri.equals(FACTORY.path) ? FACTORY : LAND;
	}

	String table() {
		return table;
	}

	String alias() {
		return alias;
	}

	/** The entity name of its audit entries (and of its history). */
	String auditEntity() {
		return auditEntity;
	}

	/** Its list page; a record's page is {@code path/id}. */
	String path() {
		return path;
	}

	/** Its page templates: {@code service/page}, {@code service/page-list}, {@code service/page-form}. */
	String page() {
		return page;
	}

	/** The name a record's page knows the record by. */
	String recordName() {
		return recordName;
	}

	/** The editable columns, each with the parameter of its value. */
	Map<String, String> columns() {
		return columns;
	}

	/** The text columns the list's search looks in besides name and park. */
	String[] searched() {
		return searched;
	}

	boolean hasChains() {
		return this == LAND;
	}

	String createdFlash() {
		return createdFlash;
	}

	String exportFileKey() {
		return "site.export." + page + "File";
	}

	String sheetKey() {
		return "site.export." + page + "Sheet";
	}

	String importTitle() {
		return "site.import." + page + "Title";
	}

	String importRule() {
		return importRule;
	}

	String templateKey() {
		return "site.import." + page + "Template";
	}

	Sorting sorting() {
		return sorting;
	}

	public Sorting.Sort sort(SiteFilter f) {
		return sorting.resolve(f.sort(), f.dir());
	}

	/** A status of this kind by name, null for blank (400 naming status for an unknown name). */
	Enum<?> status(String name) {
		@SuppressWarnings({ "unchecked", "rawtypes" })
		Enum<?> status = SiteStore.parse((Class) statuses, name);
		return status;
	}

	/**
	 * Whether a reserved site may move from one status to the other: a parcel is allocated, then built; a factory is
	 * let or sold.
	 */
	boolean canMove(Enum<?> from, Enum<?> to) {
		if (this == LAND) {
			return to != null && ((ParcelStatus) from).next() == to;
		}
		return from == FactoryStatus.RESERVED && (to == FactoryStatus.LET || to == FactoryStatus.SOLD);
	}
}
