package cn.zhaoshang.project.web;

/** A quick period button of the funds page: its message key, the page's address with that period, whether shown. */
public record FundsQuick(String key, String href, boolean active) {
}
