package cn.zhaoshang.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock that tests set and move, installed as the application's primary {@link Clock} bean. */
public final class MutableClock extends Clock {

	private volatile Instant now;
	private final ZoneId zone;

	public MutableClock(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	public void set(Instant instant) {
		now = instant;
	}

	public void advance(Duration duration) {
		now = now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return new MutableClock(now, other);
	}

	@Override
	public Instant instant() {
		return now;
	}
}
