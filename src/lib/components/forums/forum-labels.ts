/** Names of forum statuses and programme item kinds in the reader's language. */
import { m } from '$lib/paraglide/messages.js';

export function forumStatusName(status: string): string {
	switch (status) {
		case 'idea':
			return m.forum_status_idea();
		case 'choosing-dates':
			return m.forum_status_choosing_dates();
		case 'registrations-open':
			return m.forum_status_registrations_open();
		case 'programme-published':
			return m.forum_status_programme_published();
		case 'held':
			return m.forum_status_held();
		default:
			return m.forum_status_report();
	}
}

export function programmeItemKindName(kind: string): string {
	switch (kind) {
		case 'welcome':
			return m.forum_kind_welcome();
		case 'institutional-meeting':
			return m.forum_kind_institutional_meeting();
		case 'seminar':
			return m.forum_kind_seminar();
		case 'field-visit':
			return m.forum_kind_field_visit();
		case 'meal':
			return m.forum_kind_meal();
		default:
			return m.forum_kind_transport();
	}
}

/** A bilingual text in the reader's language, else in the other one; `lang` says which when it is not the page's. */
export function textIn(text: { fr: string; ko: string }, locale: string): { text: string; lang: 'fr' | 'ko' | undefined } {
	if (locale === 'ko') return text.ko ? { text: text.ko, lang: undefined } : { text: text.fr, lang: text.fr ? 'fr' : undefined };
	// An English page shows the French text (the group's working language), marked as French.
	if (text.fr) return { text: text.fr, lang: locale === 'fr' ? undefined : 'fr' };
	return { text: text.ko, lang: text.ko ? 'ko' : undefined };
}

/** An organisation's name in the reader's language, else in French. */
export function organisationNameIn(name: { fr: string; ko: string | null; en: string | null }, locale: string): string {
	return (locale === 'ko' ? name.ko : locale === 'en' ? name.en : name.fr) || name.fr;
}

/** "1er forum", "2e forum", "제2회 포럼": French writes the first one "1er". */
export function forumOrdinal(number: number, locale?: 'fr' | 'ko' | 'en'): string {
	const options = locale ? { locale } : {};
	return number === 1 ? m.forum_ordinal_first({}, options) : m.forum_ordinal({ number }, options);
}
