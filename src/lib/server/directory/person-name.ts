import { titleOn } from './person-titles';

/**
 * How a person's name is written. Korean custom puts the family name first ("KIM Hyoung Jin", as
 * in the reference minutes' participants list); French custom puts it last.
 */
export function formatPersonName(person: {
	givenName: string;
	familyName: string;
	nameOrder: 'given-first' | 'family-first';
}): string {
	return person.nameOrder === 'family-first'
		? `${person.familyName} ${person.givenName}`
		: `${person.givenName} ${person.familyName}`;
}

/** The title a person held on a day (YYYY-MM-DD): see titleOn in person-titles.ts. */
export function titleOnDay<T extends { validFrom: string | null; validTo: string | null }>(titles: T[], day: string): T | undefined {
	return titleOn(titles, day);
}
