package cn.zhaoshang.clue.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs stale-clue detection once when the application has started, so that a run missed while the system was down
 * at 07:30 (or a new demo installation) does not wait for the next morning. Through the locked job method: with
 * several nodes starting together only one runs it. Not in tests ({@code zhaoshang.jobs.enabled=false}).
 */
@Component
@ConditionalOnProperty(name = "zhaoshang.jobs.enabled", havingValue = "true", matchIfMissing = true)
class StaleClueCatchUp {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaleClueCatchUp.class);

	private final StaleClues staleClues;

	StaleClueCatchUp(StaleClues staleClues) {
		this.staleClues = staleClues;
	}

	/** A failed catch-up is logged and left to the next scheduled run; it never stops the application. */
	@EventListener(ApplicationReadyEvent.class)
	void catchUp() {
		try {
			staleClues.run();
		}
		catch (RuntimeException | Error e) {
			log.error("Stale clue catch-up at start-up failed; the daily run will try again", e);
		}
	}
}
