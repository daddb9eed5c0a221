package cn.zhaoshang.clue.web;

import java.util.Set;

import cn.zhaoshang.platform.NavItem;
import cn.zhaoshang.platform.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clue database's navigation entries. Internal roles get the list and the board; an intermediary gets only
 * "submit a clue" and "my clues" (the same list, limited to its own clues).
 */
@Configuration(proxyBeanMethods = false)
class ClueNav {

	private static final String GROUP = "nav.group.merchants";

	private static final Set<Role> READERS = Role.where(Role::isInternal);

	@Bean
	NavItem navClues() {
		return new NavItem(GROUP, "nav.clues", "/clues", 200, READERS);
	}

	@Bean
	NavItem navClueBoard() {
		return new NavItem(GROUP, "nav.clueBoard", "/clues/board", 205, READERS);
	}

	@Bean
	NavItem navClueSubmit() {
		return new NavItem(GROUP, "nav.clueSubmit", "/clues/new", 200, Set.of(Role.INTERMEDIARY));
	}

	@Bean
	NavItem navMyClues() {
		return new NavItem(GROUP, "nav.myClues", "/clues", 201, Set.of(Role.INTERMEDIARY));
	}
}
