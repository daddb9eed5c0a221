package cn.zhaoshang.activity.trip;

import cn.zhaoshang.org.PersonPosition;
import cn.zhaoshang.platform.Role;
import cn.zhaoshang.platform.SettingDefinition;
import cn.zhaoshang.platform.Settings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The minimum frequencies of clause XV per position, on the 系统设置 page (administrators and the city bureau): at
 * least N approved trips a month and/or at least N days out a month; 0 means no minimum. Defaults: an industry-HQ
 * commander 2 trips, a principal of an HQ member unit 7 days, a county principal 1 trip.
 */
@Configuration(proxyBeanMethods = false)
public class TripRules {

	/** The minimum of one position; a person is listed by the compliance table when either is above 0. */
	public record Rule(PersonPosition position, int minTrips, int minDays) {

		public boolean applies() {
			return minTrips > 0 || minDays > 0;
		}

		/** The one number the API's {@code required} shows: the trips when a trip minimum is set, else the days. */
		public int required() {
			return minTrips > 0 ? minTrips : minDays;
		}
	}

	static String tripsKey(PersonPosition p) {
		return "trip.minTrips." + p.name();
	}

	static String daysKey(PersonPosition p) {
		return "trip.minDays." + p.name();
	}

	/** The rule of a position as saved now. */
	public static Rule of(Settings settings, PersonPosition p) {
		return new Rule(p, settings.intValue(tripsKey(p)), settings.intValue(daysKey(p)));
	}

	private static SettingDefinition trips(PersonPosition p, int value) {
		return SettingDefinition.ofInt(tripsKey(p), tripsKey(p), "trip.minTrips.help", value, 0, 31)
			.editableBy(Role.CITY_SUPERVISOR);
	}

	private static SettingDefinition days(PersonPosition p, int value) {
		return SettingDefinition.ofInt(daysKey(p), daysKey(p), "trip.minDays.help", value, 0, 31)
			.editableBy(Role.CITY_SUPERVISOR);
	}

	@Bean
	SettingDefinition tripMinTripsCityLeader() {
		return trips(PersonPosition.CITY_LEADER, 0);
	}

	@Bean
	SettingDefinition tripMinDaysCityLeader() {
		return days(PersonPosition.CITY_LEADER, 0);
	}

	@Bean
	SettingDefinition tripMinTripsCountyPrincipal() {
		return trips(PersonPosition.COUNTY_PRINCIPAL, 1);
	}

	@Bean
	SettingDefinition tripMinDaysCountyPrincipal() {
		return days(PersonPosition.COUNTY_PRINCIPAL, 0);
	}

	@Bean
	SettingDefinition tripMinTripsHqCommander() {
		return trips(PersonPosition.HQ_COMMANDER, 2);
	}

	@Bean
	SettingDefinition tripMinDaysHqCommander() {
		return days(PersonPosition.HQ_COMMANDER, 0);
	}

	@Bean
	SettingDefinition tripMinTripsHqMemberPrincipal() {
		return trips(PersonPosition.HQ_MEMBER_PRINCIPAL, 0);
	}

	@Bean
	SettingDefinition tripMinDaysHqMemberPrincipal() {
		return days(PersonPosition.HQ_MEMBER_PRINCIPAL, 7);
	}

	@Bean
	SettingDefinition tripMinTripsTeamHead() {
		return trips(PersonPosition.TEAM_HEAD, 0);
	}

	@Bean
	SettingDefinition tripMinDaysTeamHead() {
		return days(PersonPosition.TEAM_HEAD, 0);
	}

	@Bean
	SettingDefinition tripMinTripsDepartmentCadre() {
		return trips(PersonPosition.DEPARTMENT_CADRE, 0);
	}

	@Bean
	SettingDefinition tripMinDaysDepartmentCadre() {
		return days(PersonPosition.DEPARTMENT_CADRE, 0);
	}
}
