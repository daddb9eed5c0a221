package cn.zhaoshang.merchant;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.Set;

import cn.zhaoshang.merchant.internal.MerchantInput;
import cn.zhaoshang.merchant.internal.MerchantInput.ContactInput;

/**
 * Enterprises for the merchant tests. All tests of a Spring context share its database (with the demo data), so
 * names carry a random marker of Han characters and USCCs are random with a valid check character.
 */
public final class MerchantTestData {

	/** Characters that are no place marker (省市县区) and no legal form, so the normaliser keeps them. */
	private static final String SAFE = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土梅兰竹菊松柏桐桦";
	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	private static final Random RANDOM = new Random();

	private MerchantTestData() {
	}

	/** Four random Han characters, e.g. 丙戌桐金. */
	public static String marker() {
		var sb = new StringBuilder();
		for (int i = 0; i < 4; i++) {
			sb.append(SAFE.charAt(RANDOM.nextInt(SAFE.length())));
		}
		return sb.toString();
	}

	/** A random USCC of a Puyang enterprise with the right check character. */
	public static String uscc() {
		var sb = new StringBuilder("91410900");
		for (int i = 0; i < 9; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString() + check(sb.toString());
	}

	/** The GB 32100-2015 check character of the first 17 characters. */
	public static char check(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** A private enterprise with one contact, registered by the given unit. */
	public static MerchantInput enterprise(String name, String uscc, Long unitId) {
		return new MerchantInput(name, uscc, EnterpriseType.PRIVATE, "河南省濮阳市", List.of(), "精细化工",
				EnterpriseSize.MEDIUM, false, false, false, Set.of(SourceTag.PUYANG_NATIVE), List.of(), unitId,
				null, List.of(new ContactInput("王经理", "总经理", "13812345678", "wang@example.cn", "wang_jl")), null);
	}

	public static MerchantInput withAliases(MerchantInput in, List<String> aliases) {
		return new MerchantInput(in.name(), in.uscc(), in.enterpriseType(), in.headquarters(), in.chainIds(),
				in.chainLinks(), in.enterpriseSize(), in.listed(), in.global500(), in.china500(), in.tags(), aliases,
				in.registeringUnitId(), in.remarks(), in.contacts(), in.version());
	}

	public static MerchantInput withVersion(MerchantInput in, String name, Integer version) {
		return new MerchantInput(name, in.uscc(), in.enterpriseType(), in.headquarters(), in.chainIds(),
				in.chainLinks(), in.enterpriseSize(), in.listed(), in.global500(), in.china500(), in.tags(),
				in.aliases(), in.registeringUnitId(), in.remarks(), in.contacts(), version);
	}

	static final BigDecimal PLANNED = new BigDecimal("12000");
}
