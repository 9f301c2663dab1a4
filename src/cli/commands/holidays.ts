import { HOLIDAY_COUNTRIES, HOLIDAY_YEARS, holidaysOfYear, type HolidayCountry } from '../../lib/server/holidays/holidays';
import { OFFICIAL_YEARS } from '../../lib/server/holidays/korean-holidays';
import { parseCommandArguments, UsageError, type CommandOutput } from '../command-line';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * `dari holidays <year> --country KR|FR [--alsace-moselle] [--json]`: a country's public holidays
 * of a year, one per day, for checking what the date poll shows. Reads no database.
 */
export async function printHolidays(args: string[], output: CommandOutput): Promise<void> {
	const { values, positionals } = parseCommandArguments(
		args,
		{ country: { type: 'string' }, 'alsace-moselle': { type: 'boolean' }, json: { type: 'boolean' } },
		{ required: ['<year>'] }
	);
	const country = values.country?.toUpperCase();
	if (country === undefined) throw new UsageError('missing --country KR|FR');
	if (!HOLIDAY_COUNTRIES.includes(country as HolidayCountry)) throw new UsageError(`unknown country ${JSON.stringify(values.country)}: KR or FR`);
	const { first, last } = HOLIDAY_YEARS[country as HolidayCountry];
	if (!/^\d{4}$/.test(positionals[0])) throw new UsageError(`the year must be written with four digits, not ${JSON.stringify(positionals[0])}`);
	const year = Number(positionals[0]);
	if (year < first || year > last) throw new UsageError(`no holiday list for ${country} in ${year}: only ${first} to ${last}`);
	if (values['alsace-moselle'] && country !== 'FR') throw new UsageError('--alsace-moselle is for France (--country FR) only');

	const holidays = holidaysOfYear(country as HolidayCountry, year, { alsaceMoselle: values['alsace-moselle'] });
	if (values.json) {
		output.out(JSON.stringify(holidays.map(({ date, name, kind, provisional }) => ({ date, name, kind, provisional })), null, 2));
		return;
	}
	const source =
		country === 'FR'
			? 'computed from the Code du travail (Easter by the Gregorian computus)'
			: OFFICIAL_YEARS.includes(year)
				? 'the official gazette list (월력요항)'
				: 'computed: no official list yet; lunar days and substitutes are provisional (*), election and temporary days unknown';
	output.out(`${country === 'FR' ? 'France' : 'Korea'}, ${year}: ${holidays.length} days, ${source}`);
	const kindWidth = Math.max(...holidays.map((holiday) => holiday.kind.length));
	for (const holiday of holidays) {
		const weekday = WEEKDAYS[new Date(`${holiday.date}T00:00:00Z`).getUTCDay()];
		const names = [holiday.name.ko, holiday.name.fr, holiday.name.en].join(' · ');
		output.out(`${holiday.date} ${weekday}  ${holiday.kind.padEnd(kindWidth)}  ${holiday.provisional ? '*' : ' '} ${names}`.trimEnd());
	}
}
