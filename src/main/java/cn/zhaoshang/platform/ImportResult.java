package cn.zhaoshang.platform;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an import did, the same for every module: rows that created a record, rows that changed one, rows equal to
 * their record (nothing written). The ledger and the talent import answered {@code imported} for {@code created}
 * until 2026-12; their API keeps that name as an alias field for one release ({@link #withImportedAlias()}).
 *
 * @param imported the deprecated alias of {@code created}; null (left out of the JSON) except where a module
 * answered it before
 */
@Schema(name = "ImportResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(int created, int updated, int unchanged,
		@Schema(deprecated = true, description = "Alias of created, for one release") Integer imported)
		implements Serializable {

	/** What one row did. */
	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	public static ImportResult of(int created, int updated, int unchanged) {
		return new ImportResult(created, updated, unchanged, null);
	}

	/** The same counts with {@code imported} (= created) for the clients of the old name. */
	public ImportResult withImportedAlias() {
		return new ImportResult(created, updated, unchanged, created);
	}

	/** The counts with one more row of this outcome. */
	ImportResult plus(Outcome outcome) {
		return new ImportResult(created + (outcome == Outcome.CREATED ? 1 : 0),
				updated + (outcome == Outcome.UPDATED ? 1 : 0), unchanged + (outcome == Outcome.UNCHANGED ? 1 : 0),
				imported);
	}
}
