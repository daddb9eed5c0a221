package cn.zhaoshang.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContactsTests {

	@Test
	void masksAMobileNumberKeepingPrefixAndLastFour() {
		assertThat(Contacts.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(Contacts.maskPhone("0393-4412345")).isEqualTo("039****2345");
		assertThat(Contacts.maskPhone("12345")).isEqualTo("***45");
	}

	@Test
	void masksTheLocalPartOfAnEmail() {
		assertThat(Contacts.maskEmail("zhang.san@example.com")).isEqualTo("z***@example.com");
		assertThat(Contacts.maskEmail("no-at-sign")).isEqualTo("n***n");
	}

	@Test
	void masksOtherHandlesAndLeavesEmptyValuesAlone() {
		assertThat(Contacts.maskOther("wxid_abc123")).isEqualTo("w***3");
		assertThat(Contacts.maskOther("ab")).isEqualTo("**");
		assertThat(Contacts.maskPhone(null)).isNull();
		assertThat(Contacts.maskEmail("")).isEmpty();
	}

	@Test
	void onlyRolesThatContactPeopleSeeDetailsInFull() {
		assertThat(Contacts.seesInFull(Role.UNIT_STAFF)).isTrue();
		assertThat(Contacts.seesInFull(Role.CITY_SUPERVISOR)).isTrue();
		assertThat(Contacts.seesInFull(Role.LEADER)).isFalse();
		assertThat(Contacts.seesInFull(Role.VIEWER)).isFalse();
		assertThat(Contacts.seesInFull(Role.INTERMEDIARY)).isFalse();
	}
}
