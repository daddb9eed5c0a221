package cn.zhaoshang.chain;

import java.math.BigDecimal;

/**
 * A clue or project linked to a chain, as the chain pages list it.
 *
 * @param kind the {@link ChainRecords#kind()} of its provider
 * @param id its id in its own module
 * @param title its name (null when the reader may not see the record: it is only counted)
 * @param stage its stage or status name ({@code NEGOTIATING}, {@code FOLLOWING} …)
 * @param stageKey the message key of the stage or status
 * @param unitId the unit that owns it, or null
 * @param amount its contracted (else planned) investment in 10,000 yuan, or null
 * @param key whether it is in the key-project reserve pool
 * @param path the page that shows it (null when the reader may not see it)
 */
public record ChainRecord(String kind, long id, String title, String stage, String stageKey, Long unitId,
		BigDecimal amount, boolean key, String path) {

	public boolean readable() {
		return path != null;
	}

	/** The message key of the kind of record ({@code chain.kind.clue}, {@code chain.kind.project}). */
	public String kindKey() {
		return "chain.kind." + kind;
	}
}
