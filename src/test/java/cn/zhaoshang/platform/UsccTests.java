package cn.zhaoshang.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015 check character against codes the companies publish; plain unit tests, no Spring. */
class UsccTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	@ParameterizedTest(name = "[{index}] {1}")
	@CsvSource(delimiter = '|', textBlock = """
			9144030071526726XG | Tencent (Shenzhen)
			914403001922038216 | Huawei Technologies
			91330100799655058B | Alibaba (China)
			91110000802100433B | Baidu Online Network Technology (Beijing)
			91110108551385082Q | Xiaomi Technology
			91440300100012316L | Ping An Insurance (Group)
			9144030010001686XA | China Merchants Bank
			91100000100003962T | Industrial and Commercial Bank of China
			911100001000044477 | China Construction Bank
			911000001000013428 | Bank of China
			91440300192317458F | BYD
			91440300192181490G | China Vanke
			9144030027939873X7 | ZTE
			91110000710926094P | Sinopec (China Petroleum & Chemical Corporation)
			""")
	void published_codes_validate_and_a_changed_check_character_fails(String code, String company) {
		assertThat(Uscc.isValid(code)).as(company).isTrue();
		char check = code.charAt(17);
		String other = code.substring(0, 17) + ALPHABET.charAt((ALPHABET.indexOf(check) + 1) % ALPHABET.length());
		assertThat(Uscc.isValid(other)).as(company + " with check character changed").isFalse();
	}

	@Test
	void lower_case_full_width_and_spaced_input_is_normalised_and_validates() {
		assertThat(Uscc.normalize(" 9144030071526726xg ")).isEqualTo("9144030071526726XG");
		assertThat(Uscc.isValid("9144030071526726xg")).isTrue();
		assertThat(Uscc.isValid("９１４４０３００７１５２６７２６ＸＧ")).isTrue();
		assertThat(Uscc.isValid("９１４４０３００７１５２６７２６ｘｇ")).isTrue();
		assertThat(Uscc.isValid("91440300 7152 6726XG")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "9144030071526726X", "9144030071526726XG0", "914403007152672", "1" })
	void wrong_length_fails(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void letters_outside_the_alphabet_fail(char letter) {
		// In the body, and as the check character itself.
		assertThat(Uscc.isValid("91440300" + letter + "15267268G")).isFalse();
		assertThat(Uscc.isValid("9144030071526726X" + letter)).isFalse();
		assertThat(Uscc.isValid("914403007152672" + letter + "XG")).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " ", "\t" })
	void null_and_blank_fail(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}
}
