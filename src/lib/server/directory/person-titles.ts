/**
 * Which title a person held on a day (issue 3 §3): documents — minutes, attendance lists — show
 * the title a person had on the day of the meeting, not the one they hold when the document is
 * read. Pure functions: data in, data out (ENGINEERING.md rule 8).
 */
import type { Language } from './directory.table';

/** A title with the days it is valid for (YYYY-MM-DD, both ends included; null: open-ended). */
export interface DatedTitle {
	validFrom: string | null;
	validTo: string | null;
	language?: Language;
}

/** True when the title holds on the day; an undated title holds every day. */
export function isValidOn(title: DatedTitle, day: string): boolean {
	return (title.validFrom === null || title.validFrom <= day) && (title.validTo === null || day <= title.validTo);
}

const LANGUAGE_RANK: Record<Language, number> = { fr: 0, ko: 1, en: 2 };

function isDated(title: DatedTitle): boolean {
	return title.validFrom !== null || title.validTo !== null;
}

/**
 * Strongest first among titles valid on the same day: a dated title before an undated one (the
 * undated ones are what the directory knew before dates were recorded, e.g. the demo's titles
 * "as written in the minutes"); then, when a language is asked for, a title written in it; then
 * the most recent start (a new title replaces the one it overlaps); then the narrowest (one with
 * an end before one without, the earlier end first).
 */
function compareSpecificity(language: Language | undefined) {
	return (a: DatedTitle, b: DatedTitle): number => {
		if (isDated(a) !== isDated(b)) return isDated(a) ? -1 : 1;
		if (language && (a.language === language) !== (b.language === language)) return a.language === language ? -1 : 1;
		const fromA = a.validFrom ?? '';
		const fromB = b.validFrom ?? '';
		if (fromA !== fromB) return fromB.localeCompare(fromA);
		const toA = a.validTo ?? '9999-12-31';
		const toB = b.validTo ?? '9999-12-31';
		if (toA !== toB) return toA.localeCompare(toB);
		// Still equal (the same title written in two languages): the same order on every page,
		// French first (the working language of most users, PRODUCT.md), then Korean, then English.
		return LANGUAGE_RANK[a.language ?? 'fr'] - LANGUAGE_RANK[b.language ?? 'fr'];
	};
}

/**
 * The title a person had on a day (YYYY-MM-DD): among the titles valid that day, the most
 * specific and most recent (see compareSpecificity); undated titles only when no dated one holds.
 * `language` prefers a title written in the document's language when several hold.
 * Undefined when no title holds that day.
 */
export function titleOn<T extends DatedTitle>(titles: readonly T[], day: string, language?: Language): T | undefined {
	return titles.filter((title) => isValidOn(title, day)).sort(compareSpecificity(language))[0];
}

export type TitleStatus = 'current' | 'future' | 'past';

export function titleStatusOn(title: DatedTitle, day: string): TitleStatus {
	if (isValidOn(title, day)) return 'current';
	return title.validFrom !== null && title.validFrom > day ? 'future' : 'past';
}

/**
 * A person's titles in the order a record shows them: the title held on the day first, then the
 * other titles valid that day, then those to come (soonest first), then past ones (latest first).
 */
export function orderTitlesOn<T extends DatedTitle>(titles: readonly T[], day: string, language?: Language): (T & { status: TitleStatus })[] {
	const held = titleOn(titles, day, language);
	const rank = { current: 0, future: 1, past: 2 } as const;
	const bySpecificity = compareSpecificity(language);
	const key = (title: T) => (title === held ? -1 : rank[titleStatusOn(title, day)]);
	return [...titles]
		.sort((a, b) => {
			const difference = key(a) - key(b);
			if (difference !== 0) return difference;
			const status = titleStatusOn(a, day);
			if (status === 'current') return bySpecificity(a, b);
			if (status === 'future') return (a.validFrom ?? '').localeCompare(b.validFrom ?? '') || bySpecificity(a, b);
			return (b.validTo ?? '').localeCompare(a.validTo ?? '') || bySpecificity(a, b);
		})
		.map((title) => ({ ...title, status: titleStatusOn(title, day) }));
}
