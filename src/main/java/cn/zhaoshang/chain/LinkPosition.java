package cn.zhaoshang.chain;

/** Where a link sits in its chain: upstream 上游, midstream 中游, downstream 下游. */
public enum LinkPosition {
	UPSTREAM, MIDSTREAM, DOWNSTREAM;

	public String messageKey() {
		return "chain.position." + name();
	}
}
