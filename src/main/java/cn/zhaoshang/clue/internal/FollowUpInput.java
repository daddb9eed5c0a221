package cn.zhaoshang.clue.internal;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import cn.zhaoshang.clue.FollowUpKind;

/** A follow-up as the form and the API body ({@code POST /api/v1/clues/{id}/follow-ups}) give it. */
public record FollowUpInput(
		@NotNull(message = "{validation.required}") LocalDate followUpDate,
		@NotNull(message = "{validation.required}") FollowUpKind followUpKind,
		@Size(max = 200, message = "{validation.size}") String peopleMet,
		@NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String content,
		@Size(max = 500, message = "{validation.size}") String nextStep,
		LocalDate nextDate) {
}
