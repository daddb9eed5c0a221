package cn.zhaoshang.supervision.observation;

/** Where an observation event stands. */
public enum ObservationStatus {
	/** Being prepared by the city bureau: date, route, criteria, projects and judges can change. */
	DRAFT,
	/** The judges score; the event's structure is fixed. */
	SCORING,
	/** Closed: the results are frozen and published to every internal role. */
	CLOSED
}
