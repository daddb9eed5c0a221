package cn.zhaoshang.platform;

/** The record does not exist, or the user may not see it (the two are not told apart, so nothing leaks). */
public class NotFoundException extends BusinessException {

	public NotFoundException() {
		super(404, "error.notFound");
	}
}
