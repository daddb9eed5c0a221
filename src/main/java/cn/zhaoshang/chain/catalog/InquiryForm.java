package cn.zhaoshang.chain.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A visitor's inquiry on a published catalog project: the public page's form and the anonymous JSON body of
 * {@code POST /api/v1/public/catalog/{id}/inquiries}. {@code website} is the honeypot (people leave it empty).
 */
public record InquiryForm(
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String name,
		@Size(max = 200, message = "{validation.size}") String company,
		@NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size}") String contact,
		@NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size}") String message,
		@Size(max = 200, message = "{validation.size}") String website) {

	public static InquiryForm empty() {
		return new InquiryForm("", "", "", "", "");
	}
}
