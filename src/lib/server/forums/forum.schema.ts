/**
 * What the forum forms send: a forum edition (number, titles, theme, host country and zone, host
 * organisations, places visited, local dates, status, texts) and a programme item (kind, titles,
 * descriptions, host, place, local start and end in the host's zone, themes, capacity).
 */
import { z } from 'zod';
import { isCalendarDay } from '../directory/form-fields.schema';
import { isTimeZone } from '../../format/time-zones';
import { FORUM_STATUSES, PROGRAMME_ITEM_KINDS, type ForumStatus } from './forum.table';

/** Host organisation checkboxes are named `host:<organisation id>` (a form sends one value per name). */
export const HOST_FIELD_PREFIX = 'host:';
/** Theme checkboxes of a programme item are named `theme:<key>`. */
export const THEME_FIELD_PREFIX = 'theme:';

/** From these statuses on, the forum's days must be known: a programme is published for given days. */
export const STATUSES_NEEDING_DATES: readonly ForumStatus[] = ['programme-published', 'held', 'report'];

/** A title on one line: 200 characters hold "Deuxième Forum franco-coréen des collectivités territoriales" twice over. */
const title = z.string().trim().max(200, 'too_long').default('');
/** A description of a forum or an item: 5,000 characters, a page of text. */
const description = z.string().trim().max(5000, 'too_long').default('');

/** A real day between 2000 and 2100 (anything else is a typing slip), or '' for none. */
function isForumDay(value: string): boolean {
	if (!isCalendarDay(value)) return false;
	const year = Number(value.slice(0, 4));
	return year >= 2000 && year <= 2100;
}
const optionalDay = z.string().trim().default('').refine((value) => value === '' || isForumDay(value), 'invalid_date');
const requiredDay = z.string().trim().min(1, 'required').refine(isForumDay, 'invalid_date');
/** "09:00", as <input type="time"> sends it (seconds, if a browser adds them, are dropped). */
const clock = z
	.string()
	.trim()
	.min(1, 'required')
	.transform((value) => value.slice(0, 5))
	.refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'invalid_date');

const checked = (value: string | undefined) => value === 'on' || value === 'true';
const keysWithPrefix = (fields: Record<string, string | undefined>, prefix: string) =>
	Object.keys(fields)
		.filter((key) => key.startsWith(prefix) && checked(fields[key]))
		.map((key) => key.slice(prefix.length));

export interface ForumPlaceInput {
	nameFr: string;
	nameKo: string;
}

/**
 * Places visited, one per line, "French name | Korean name" (the Korean name may be left out):
 * "Issy-les-Moulineaux | 이시레물리노". 200 characters a name; 30 places cover a week of visits.
 */
export function parsePlaces(text: string): ForumPlaceInput[] | 'too_long' {
	const places: ForumPlaceInput[] = [];
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim()) continue;
		const [fr = '', ko = ''] = line.split('|').map((part) => part.trim());
		if (fr.length > 200 || ko.length > 200) return 'too_long';
		if (fr || ko) places.push({ nameFr: fr || ko, nameKo: ko });
	}
	return places.length > 30 ? 'too_long' : places;
}

/** The textarea's text for places, the other way round. */
export function placesText(places: readonly { nameFr: string; nameKo: string }[]): string {
	return places.map((place) => (place.nameKo ? `${place.nameFr} | ${place.nameKo}` : place.nameFr)).join('\n');
}

export const forumInputSchema = z
	.object({
		/** "1st forum", "2nd forum": 999 editions leave room for any group. */
		number: z
			.string()
			.trim()
			.min(1, 'required')
			.refine((value) => /^[1-9]\d{0,2}$/.test(value), 'invalid_number'),
		titleFr: title,
		titleKo: title,
		/** "Innovation et attractivité du territoire": 300 characters. */
		themeFr: z.string().trim().max(300, 'too_long').default(''),
		themeKo: z.string().trim().max(300, 'too_long').default(''),
		/** ISO 3166-1 alpha-2; the service checks it is France or the group's country. */
		hostCountry: z
			.string()
			.trim()
			.toUpperCase()
			.min(1, 'required')
			.refine((value) => /^[A-Z]{2}$/.test(value), 'invalid_country'),
		/** Empty: the zone of the host country (Europe/Paris, Asia/Seoul). */
		hostTimezone: z.string().trim().default('').refine((value) => value === '' || isTimeZone(value), 'invalid_choice'),
		startsOn: optionalDay,
		endsOn: optionalDay,
		status: z.enum(FORUM_STATUSES, { message: 'invalid_choice' }).default('idea'),
		descriptionFr: description,
		descriptionKo: description,
		/** The report after the forum: 20,000 characters, a few pages. */
		reportFr: z.string().trim().max(20000, 'too_long').default(''),
		reportKo: z.string().trim().max(20000, 'too_long').default(''),
		places: z.string().max(8000, 'too_long').default('')
	})
	.catchall(z.string())
	.superRefine((input, context) => {
		if (!input.titleFr && !input.titleKo) context.addIssue({ code: 'custom', path: ['titleFr'], message: 'required' });
		if (input.startsOn && !input.endsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: 'required' });
		if (!input.startsOn && input.endsOn) context.addIssue({ code: 'custom', path: ['startsOn'], message: 'required' });
		// Local dates of one zone compare as text (YYYY-MM-DD); a one-day forum ends the day it starts.
		if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: 'date_before_start' });
		if (!input.startsOn && !input.endsOn && STATUSES_NEEDING_DATES.includes(input.status)) context.addIssue({ code: 'custom', path: ['startsOn'], message: 'required' });
		if (typeof parsePlaces(input.places) === 'string') context.addIssue({ code: 'custom', path: ['places'], message: 'too_long' });
	})
	.transform((input) => ({
		number: Number(input.number),
		titleFr: input.titleFr,
		titleKo: input.titleKo,
		themeFr: input.themeFr,
		themeKo: input.themeKo,
		hostCountry: input.hostCountry,
		hostTimezone: input.hostTimezone,
		startsOn: input.startsOn || null,
		endsOn: input.endsOn || null,
		status: input.status,
		descriptionFr: input.descriptionFr,
		descriptionKo: input.descriptionKo,
		reportFr: input.reportFr,
		reportKo: input.reportKo,
		places: parsePlaces(input.places) as ForumPlaceInput[],
		hostOrganisationIds: keysWithPrefix(input, HOST_FIELD_PREFIX)
	}));
export type ForumInput = z.output<typeof forumInputSchema>;

export const programmeItemInputSchema = z
	.object({
		kind: z.enum(PROGRAMME_ITEM_KINDS, { message: 'invalid_choice' }),
		titleFr: title,
		titleKo: title,
		descriptionFr: description,
		descriptionKo: description,
		hostOrganisationId: z.string().trim().max(40, 'invalid_choice').default(''),
		/** An address or a site: 300 characters. */
		place: z.string().trim().max(300, 'too_long').default(''),
		startDate: requiredDay,
		startTime: clock,
		/** Empty: the day it starts (most items last a few hours). */
		endDate: optionalDay,
		endTime: clock,
		/** Places on a visit; empty when not limited. 10,000 is more than any forum gathers. */
		capacity: z
			.string()
			.trim()
			.default('')
			.refine((value) => value === '' || (/^-?\d{1,5}$/.test(value) && Number(value) >= 0), 'invalid_number')
	})
	.catchall(z.string())
	.superRefine((input, context) => {
		if (!input.titleFr && !input.titleKo) context.addIssue({ code: 'custom', path: ['titleFr'], message: 'required' });
		// Both ends are read in the same (host) zone, so the local readings compare as text, except
		// across a daylight-saving change, which the service checks again on the instants.
		const end = `${input.endDate || input.startDate}T${input.endTime}`;
		if (isForumDay(input.startDate) && end <= `${input.startDate}T${input.startTime}`) context.addIssue({ code: 'custom', path: ['endTime'], message: 'date_before_start' });
	})
	.transform((input) => ({
		kind: input.kind,
		titleFr: input.titleFr,
		titleKo: input.titleKo,
		descriptionFr: input.descriptionFr,
		descriptionKo: input.descriptionKo,
		hostOrganisationId: input.hostOrganisationId || null,
		place: input.place || null,
		startDate: input.startDate,
		startTime: input.startTime,
		endDate: input.endDate || input.startDate,
		endTime: input.endTime,
		capacity: input.capacity === '' ? null : Number(input.capacity),
		themeKeys: keysWithPrefix(input, THEME_FIELD_PREFIX)
	}));
export type ProgrammeItemInput = z.output<typeof programmeItemInputSchema>;

/** "Start from a previous edition's programme": the edition to copy from, by its number. */
export const copyProgrammeSchema = z.object({
	fromNumber: z
		.string()
		.trim()
		.min(1, 'required')
		.refine((value) => /^[1-9]\d{0,2}$/.test(value), 'invalid_choice')
		.transform(Number)
});
