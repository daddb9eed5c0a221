package cn.zhaoshang.chain;

/**
 * An enterprise of the merchant database as the chain module sees it.
 *
 * @param id the merchant's id
 * @param name its name
 * @param uscc its unified social credit code, or null
 * @param type its ownership type ({@code CENTRAL_SOE}, {@code PROVINCIAL_SOE} …) or null
 * @param path the page that shows it
 */
public record ChainEnterprise(long id, String name, String uscc, String type, String path) {

	public boolean centralSoe() {
		return "CENTRAL_SOE".equals(type);
	}

	public boolean provincialSoe() {
		return "PROVINCIAL_SOE".equals(type);
	}
}
