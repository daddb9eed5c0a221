package cn.zhaoshang.merchant.talent.web;

/** One choice of the form's enterprise and project pickers: the id, the name and a hint (USCC or project code). */
public record Option(long id, String name, String hint) {
}
