/**
 * Which organisation a person belonged to on a day (issue 4 §3): minutes and participants lists
 * show the organisation a speaker had on the meeting's day, not the one they have when the
 * minutes are read. Pure functions: data in, data out (ENGINEERING.md rule 8).
 */
import { titleOn } from './person-titles';

/** One stay in an organisation (YYYY-MM-DD, both ends included; null: open-ended). */
export interface DatedAffiliation {
	validFrom: string | null;
	validTo: string | null;
}

/**
 * The affiliation held on the day, or undefined when none held (the caller then shows the
 * current organisation). Affiliations follow the same rule as titles (titleOn): on the day of a
 * move both the old stay (closed that day) and the new one (opened that day) hold, and the most
 * recent start wins; a dated stay wins over an undated one.
 */
export function organisationOn<T extends DatedAffiliation>(affiliations: readonly T[], day: string): T | undefined {
	return titleOn(affiliations, day);
}

/** An organisation's names, as the minutes and the participants list show them. */
export interface HeldOrganisation {
	id: string;
	fr: string;
	ko: string | null;
	en: string | null;
}

/**
 * For each person, the organisation held on the day (rows as person.repository's
 * listAffiliationsOfPeople reads them). People with none that day are absent: the caller shows
 * their current organisation instead. `day` null (a meeting without a date yet): an empty map.
 */
export function organisationsHeldOn(
	rows: readonly { person_id: string; organisation_id: string; valid_from: string | null; valid_to: string | null; name_fr: string; name_ko: string | null; name_en: string | null }[],
	day: string | null
): Map<string, HeldOrganisation> {
	const held = new Map<string, HeldOrganisation>();
	if (day === null) return held;
	const byPerson = new Map<string, (DatedAffiliation & HeldOrganisation)[]>();
	for (const row of rows) {
		const list = byPerson.get(row.person_id) ?? [];
		list.push({ validFrom: row.valid_from, validTo: row.valid_to, id: row.organisation_id, fr: row.name_fr, ko: row.name_ko, en: row.name_en });
		byPerson.set(row.person_id, list);
	}
	for (const [personId, affiliations] of byPerson) {
		const found = organisationOn(affiliations, day);
		if (found) held.set(personId, { id: found.id, fr: found.fr, ko: found.ko, en: found.en });
	}
	return held;
}
