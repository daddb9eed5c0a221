package cn.zhaoshang.chain.internal;

import cn.zhaoshang.chain.GapRating;
import cn.zhaoshang.chain.LinkPosition;

/** What a link of a chain takes: name, position, order, key products and technologies, gap rating. */
public record LinkInput(String name, LinkPosition position, Integer sortOrder, String products, String technologies,
		GapRating gap) {

	/** The rules of the fields alone; every broken one at once. */
	public LinkInput check() {
		Checks c = new Checks();
		c.required("name", name);
		c.maxLength("name", name, 100);
		c.required("position", position);
		c.required("gap", gap);
		c.range("sortOrder", sortOrder, 0, 9999);
		c.maxLength("products", products, 1000);
		c.maxLength("technologies", technologies, 1000);
		c.throwIfBroken();
		return new LinkInput(name.strip(), position, sortOrder == null ? 0 : sortOrder, Checks.clean(products),
				Checks.clean(technologies), gap);
	}
}
