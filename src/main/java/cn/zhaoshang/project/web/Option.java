package cn.zhaoshang.project.web;

/** One choice of a select: the id sent and the label shown. */
public record Option(long id, String label) {

	/** Whether this option is the given (possibly absent) value. */
	public boolean is(Long value) {
		return value != null && value == id;
	}
}
