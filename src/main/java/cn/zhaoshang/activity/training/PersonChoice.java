package cn.zhaoshang.activity.training;

/** A person the training form offers as an attendee: the people record's id, name and unit. */
public record PersonChoice(long id, String name, String unitName) {
}
