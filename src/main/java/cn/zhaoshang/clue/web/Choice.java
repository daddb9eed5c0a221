package cn.zhaoshang.clue.web;

/** An option of a select on the clue pages: the submitted value and the shown label. */
public record Choice(String value, String label) {

	public boolean is(Object current) {
		return current != null && value.equals(String.valueOf(current));
	}
}
