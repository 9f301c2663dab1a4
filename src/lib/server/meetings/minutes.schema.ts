/**
 * What the minutes forms send (issue 4 §3, §5, §6): one entry — an intervention, a decision or an
 * action item — at a time, each with its French and Korean text side by side.
 */
import { z } from 'zod';
import { isCalendarDay } from '../directory/form-fields.schema';
import { ACTION_STATUSES } from './meeting.table';

/** The kinds of entries the minutes hold under an agenda item. */
export const MINUTES_ENTRY_KINDS = ['intervention', 'decision', 'action'] as const;
export type MinutesEntryKind = (typeof MINUTES_ENTRY_KINDS)[number];


const id = z.string().trim().max(40, 'invalid_choice');
const optionalId = id.default('');
/**
 * One speech or conclusion: the reference's longest intervention is about 1,500 characters;
 * 20,000 leaves room for a long presentation written out, and keeps a page's form bounded.
 */
const entryText = z.string().trim().max(20000, 'too_long').default('');

/** Which entry a form is about: its kind, its id (empty when new) and the agenda item it belongs to. */
const entryTarget = {
	kind: z.enum(MINUTES_ENTRY_KINDS, { message: 'invalid_choice' }),
	id: optionalId,
	agendaItemId: optionalId
};

/** One entry as written: the fields a kind does not use are ignored. */
export const minutesEntrySchema = z
	.object({
		...entryTarget,
		/** A directory person's id, or empty with speakerName for someone not in the directory. */
		speakerPersonId: optionalId,
		/** 200 characters: a full name, even a long Korean-French double name with its romanization. */
		speakerName: z.string().trim().max(200, 'too_long').default(''),
		/** The reference's longest title (Caroline Millan's) is 160 characters; 500 leaves room. */
		speakerTitleOverride: z.string().trim().max(500, 'too_long').default(''),
		/** 200 characters, as organisation names in the directory. */
		speakerOrganisationOverride: z.string().trim().max(200, 'too_long').default(''),
		textFr: entryText,
		textKo: entryText,
		/** "person:<id>", "organisation:<id>" or empty (nobody named yet). */
		owner: z
			.string()
			.trim()
			.max(60, 'invalid_choice')
			.default('')
			.refine((value) => value === '' || /^(person|organisation):[0-9a-f-]{36}$/.test(value), 'invalid_choice'),
		dueOn: z
			.string()
			.trim()
			.default('')
			.refine((value) => value === '' || isCalendarDay(value), 'invalid_date'),
		status: z.enum(ACTION_STATUSES, { message: 'invalid_choice' }).default('open')
	})
	.superRefine((entry, context) => {
		if (entry.kind === 'intervention' && entry.speakerPersonId === '' && entry.speakerName === '') {
			context.addIssue({ code: 'custom', path: ['speakerName'], message: 'required' });
		}
	});
export type MinutesEntryInput = z.output<typeof minutesEntrySchema>;

/** Removing an entry. */
export const minutesEntryRefSchema = z.object({
	kind: z.enum(MINUTES_ENTRY_KINDS, { message: 'invalid_choice' }),
	id: id.min(1, 'required')
});
export type MinutesEntryRef = z.output<typeof minutesEntryRefSchema>;

/** Moving an entry one place up or down among its agenda item's entries of the same kind. */
export const minutesMoveSchema = minutesEntryRefSchema.extend({
	direction: z.enum(['up', 'down'], { message: 'invalid_choice' })
});
export type MinutesMove = z.output<typeof minutesMoveSchema>;

/** The language the minutes are written in (translations fill the other one). */
export const originalLanguageSchema = z.object({
	originalLanguage: z.enum(['fr', 'ko'], { message: 'invalid_choice' })
});

/** Changing an action's status from the group's decisions and actions page. */
export const actionStatusSchema = z.object({
	actionId: id.min(1, 'required'),
	status: z.enum(ACTION_STATUSES, { message: 'invalid_choice' })
});
export type ActionStatusInput = z.output<typeof actionStatusSchema>;

/** Which actions the decisions and actions page lists. */
export const ACTION_FILTERS = ['open', 'done', 'all'] as const;
export type ActionFilter = (typeof ACTION_FILTERS)[number];

/** How the minutes are read: one language or both side by side. */
export const READING_LANGUAGES = ['fr', 'ko', 'both'] as const;
export type ReadingLanguage = (typeof READING_LANGUAGES)[number];
