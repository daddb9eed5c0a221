package cn.zhaoshang.platform.web;

import java.time.Clock;
import java.time.LocalDate;

import cn.zhaoshang.platform.InputText;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * The input rules (platform.InputText) for every JSON body, in one place: the application's one {@code JsonMapper}
 * reads texts and dates only through the deserializers below and converts nothing silently.
 * <ul>
 * <li>A text must be a JSON string (not 123 or true) without control characters and valid Unicode, else 422 (rule)
 * or 400 (wrong type), naming the field.</li>
 * <li>A date must be a {@code "yyyy-MM-dd"} string within the window, else 422 naming the field.</li>
 * <li>Numbers are not coerced: 1.5 is not an integer, "5" is not a number; an enum is written by name only (not 1,
 * not "0"): 400 naming the field.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class JsonInputRules {

	@Bean
	JsonMapperBuilderCustomizer inputRules(Clock clock) {
		return builder -> {
			var module = new SimpleModule("zhaoshang-input-rules");
			module.addDeserializer(String.class, new CheckedText());
			module.addDeserializer(LocalDate.class, new CheckedDate(clock));
			builder.addModule(module)
				.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
				.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
				.withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
		};
	}

	/**
	 * A value that has the right JSON type but breaks an input rule: the API answers 422 naming the field (by its
	 * JSON path, which Jackson adds on the way out) with the rule's message.
	 */
	static final class InputRuleException extends MismatchedInputException {

		private final String messageKey;
		private final transient Object[] args;

		InputRuleException(JsonParser parser, Class<?> type, String messageKey, Object... args) {
			super(parser, messageKey, type);
			this.messageKey = messageKey;
			this.args = args;
		}

		String messageKey() {
			return messageKey;
		}

		Object[] args() {
			return args;
		}
	}

	/** Texts: JSON strings only, checked against the text rules. */
	static final class CheckedText extends StdScalarDeserializer<String> {

		CheckedText() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String text = p.getString();
			String problem = InputText.problem(text);
			if (problem != null) {
				throw new InputRuleException(p, String.class, problem);
			}
			return text;
		}
	}

	/** Dates: {@code "yyyy-MM-dd"} strings within the window, nothing else. */
	static final class CheckedDate extends StdScalarDeserializer<LocalDate> {

		private final transient Clock clock;

		CheckedDate(Clock clock) {
			super(LocalDate.class);
			this.clock = clock;
		}

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			LocalDate date = p.hasToken(JsonToken.VALUE_STRING) ? InputText.parseDate(p.getString(), clock) : null;
			if (date == null) {
				throw new InputRuleException(p, LocalDate.class, InputText.DATE, InputText.EARLIEST_DATE,
						InputText.latestDate(clock));
			}
			return date;
		}
	}
}
