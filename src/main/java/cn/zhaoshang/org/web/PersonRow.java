package cn.zhaoshang.org.web;

import cn.zhaoshang.org.PersonKind;

/** A row of the people list; {@code editable} says whether the viewer may change it. */
public record PersonRow(long id, String name, PersonKind kind, String title, String unitName, String phone,
		boolean active, boolean editable) {
}
