package cn.zhaoshang.clue;

/** Identifies a clue of the clue database. */
public record ClueId(long value) {

	@Override
	public String toString() {
		return Long.toString(value);
	}
}
