package cn.zhaoshang.clue.web;

import java.time.LocalDate;

import cn.zhaoshang.clue.FollowUpKind;
import cn.zhaoshang.clue.internal.FollowUpInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The follow-up form as bound from the page (detail page and the phone-friendly page). */
public class FollowUpForm {

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate followUpDate;
	private FollowUpKind followUpKind = FollowUpKind.VISIT;
	private String peopleMet = "";
	private String content = "";
	private String nextStep = "";
	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate nextDate;

	static FollowUpForm today(LocalDate today) {
		var f = new FollowUpForm();
		f.followUpDate = today;
		return f;
	}

	FollowUpInput toInput() {
		return new FollowUpInput(followUpDate, followUpKind, peopleMet, content, nextStep, nextDate);
	}

	public LocalDate getFollowUpDate() {
		return followUpDate;
	}

	public void setFollowUpDate(LocalDate followUpDate) {
		this.followUpDate = followUpDate;
	}

	public FollowUpKind getFollowUpKind() {
		return followUpKind;
	}

	public void setFollowUpKind(FollowUpKind followUpKind) {
		this.followUpKind = followUpKind;
	}

	public String getPeopleMet() {
		return peopleMet;
	}

	public void setPeopleMet(String peopleMet) {
		this.peopleMet = peopleMet;
	}

	public String getContent() {
		return content;
	}

	public void setContent(String content) {
		this.content = content;
	}

	public String getNextStep() {
		return nextStep;
	}

	public void setNextStep(String nextStep) {
		this.nextStep = nextStep;
	}

	public LocalDate getNextDate() {
		return nextDate;
	}

	public void setNextDate(LocalDate nextDate) {
		this.nextDate = nextDate;
	}
}
