package cn.zhaoshang.merchant.talent;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What is entered for a talent, on the form and as the API's body. {@code expertise} is one text with the fields
 * separated by 、，, ; or spaces ({@link Talents} splits it); {@code version} is the one read, required to change.
 */
public record TalentForm(
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{talent.validation.maxLength}") String name,
		@NotBlank(message = "{validation.required}") @Size(max = 300, message = "{talent.validation.maxLength}") String expertise,
		@Size(max = 100, message = "{talent.validation.maxLength}") String title,
		@NotBlank(message = "{validation.required}") @Size(max = 200, message = "{talent.validation.maxLength}") String institution,
		@NotBlank(message = "{validation.required}") @Size(max = 50, message = "{talent.validation.maxLength}") String workCity,
		@NotNull(message = "{validation.required}") TalentRelation relation,
		@Size(max = 200, message = "{talent.validation.maxLength}") String relationNote,
		@Size(max = 50, message = "{talent.validation.maxLength}") String level,
		@Size(max = 40, message = "{talent.validation.maxLength}") @Pattern(regexp = "[0-9+()\\- ]*", message = "{talent.validation.phone}") String phone,
		@Email(message = "{validation.email}") @Size(max = 100, message = "{talent.validation.maxLength}") String email,
		@Size(max = 50, message = "{talent.validation.maxLength}") String wechatId,
		@Size(max = 1000, message = "{talent.validation.maxLength}") String remarks,
		Long unitId,
		List<Long> enterpriseIds,
		List<Long> projectIds,
		Integer version) {

	public static TalentForm empty(Long unitId) {
		return new TalentForm("", "", "", "", "", TalentRelation.NATIVE, "", "", "", "", "", "", unitId, List.of(),
				List.of(), null);
	}

	/** The form to edit a talent as it is now (contacts in full: only those who see them in full edit). */
	public static TalentForm of(Talent t, List<Long> enterpriseIds, List<Long> projectIds) {
		return new TalentForm(t.name(), t.expertise(), t.title(), t.institution(), t.workCity(), t.relation(),
				t.relationNote(), t.level(), t.phone(), t.email(), t.wechatId(), t.remarks(), t.unitId(),
				enterpriseIds, projectIds, t.version());
	}

	public List<Long> enterpriseIdList() {
		return enterpriseIds == null ? List.of() : enterpriseIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	public List<Long> projectIdList() {
		return projectIds == null ? List.of() : projectIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}
}
