package cn.zhaoshang.chain;

/** An industry chain as other modules see it; {@code name} is the Chinese name users write in ledgers. */
public record Chain(ChainId id, String code, String name, String nameEn, int sortOrder, boolean active) {

	/** The name in the reader's language. */
	public String name(boolean english) {
		return english ? nameEn : name;
	}
}
