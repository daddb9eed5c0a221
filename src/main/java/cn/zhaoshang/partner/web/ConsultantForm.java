package cn.zhaoshang.partner.web;

import java.time.LocalDate;

import cn.zhaoshang.partner.ConsultantKind;
import cn.zhaoshang.partner.internal.Consultants;

/** The consultant form. */
public class ConsultantForm {

	private String name;
	private ConsultantKind kind;
	private String title;
	private String fields;
	private LocalDate validFrom;
	private LocalDate validTo;

	Consultants.ConsultantInput input() {
		return new Consultants.ConsultantInput(name, kind, title, fields, validFrom, validTo);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public ConsultantKind getKind() {
		return kind;
	}

	public void setKind(ConsultantKind kind) {
		this.kind = kind;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getFields() {
		return fields;
	}

	public void setFields(String fields) {
		this.fields = fields;
	}

	public LocalDate getValidFrom() {
		return validFrom;
	}

	public void setValidFrom(LocalDate validFrom) {
		this.validFrom = validFrom;
	}

	public LocalDate getValidTo() {
		return validTo;
	}

	public void setValidTo(LocalDate validTo) {
		this.validTo = validTo;
	}
}
