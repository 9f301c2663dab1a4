/**
 * What the coordinator confirms after the preview (issue 4 §8): the document's text (it travels in
 * a hidden field and is parsed again on the server, so what is created is what the server read),
 * and the corrections: title, date, times, zone, format, one choice per speaker, whether to add
 * participants not in the directory, and whether to import a document already imported.
 */
import { z } from 'zod';
import { isCalendarDay } from '../../directory/form-fields.schema';
import { MEETING_FORMATS } from '../meeting.table';
import { isTimezone } from './minutes-parser';

/** 5 million characters: far more than the text of a 10 MB Word file of minutes (tens of pages weigh ~100 kB). */
export const MAX_MINUTES_TEXT = 5_000_000;
/** 300 characters: the reference's title is 28; room for a long "Réunion du … consacrée à …". */
export const MAX_MEETING_TITLE = 300;

const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true' || value === '1');


export const confirmImportSchema = z
	.object({
		text: z.string().min(1, 'required').max(MAX_MINUTES_TEXT, 'too_long'),
		title: z.string().trim().min(1, 'required').max(MAX_MEETING_TITLE, 'too_long'),
		// A document without a recognisable date is imported only once the coordinator gives one.
		date: z.string().trim().min(1, 'minutes_import_date_required').refine(isCalendarDay, 'invalid_date'),
		startTime: z.string().trim().min(1, 'required').regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_time'),
		endTime: z
			.string()
			.trim()
			.optional()
			.transform((value) => value ?? '')
			.refine((value) => value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'invalid_time'),
		timezone: z.string().trim().refine(isTimezone, 'invalid_choice'),
		format: z.enum(MEETING_FORMATS, { message: 'invalid_choice' }),
		createMissingParticipants: checkbox,
		force: checkbox
	})
	.superRefine((value, context) => {
		if (value.endTime !== '' && value.endTime <= value.startTime) context.addIssue({ code: 'custom', path: ['endTime'], message: 'end_before_start' });
	});

export type ConfirmImportFields = z.output<typeof confirmImportSchema>;

/** A speaker's choice as the form sends it: a directory person, a new person, or the name only. */
export type SpeakerChoice = { kind: 'person'; personId: string } | { kind: 'new' } | { kind: 'name' };

export function parseSpeakerChoice(value: string): SpeakerChoice | null {
	if (value === 'new') return { kind: 'new' };
	if (value === 'name') return { kind: 'name' };
	const person = /^person:(.+)$/.exec(value);
	return person ? { kind: 'person', personId: person[1] } : null;
}

export function formatSpeakerChoice(choice: SpeakerChoice): string {
	return choice.kind === 'person' ? `person:${choice.personId}` : choice.kind;
}

/** Form fields holding speaker choices are named `speaker:<key>`, the key being the name's personNameKey. */
export const SPEAKER_FIELD_PREFIX = 'speaker:';

/**
 * A participant's (or excused person's) row as the coordinator confirms it: a directory person,
 * a new person, or not a person at all (the row is kept verbatim as unrecognised text).
 */
export type RowChoice = { kind: 'person'; personId: string } | { kind: 'new' } | { kind: 'text' };

export function parseRowChoice(value: string): RowChoice | null {
	if (value === 'new') return { kind: 'new' };
	if (value === 'text') return { kind: 'text' };
	const person = /^person:(.+)$/.exec(value);
	return person ? { kind: 'person', personId: person[1] } : null;
}

export function formatRowChoice(choice: RowChoice): string {
	return choice.kind === 'person' ? `person:${choice.personId}` : choice.kind;
}

/** Form fields holding row choices are named `participant:<index>` and `excused:<index>`, the index of the row in its list. */
export const PARTICIPANT_FIELD_PREFIX = 'participant:';
export const EXCUSED_FIELD_PREFIX = 'excused:';

export interface ConfirmImportInput extends ConfirmImportFields {
	/** Choices by speaker key; a speaker missing here gets the preview's proposal. */
	speakers: Record<string, SpeakerChoice>;
	/** Choices by row index of the participants table; a row missing here is matched automatically (createMissingParticipants applies). */
	participants?: Record<number, RowChoice>;
	/** The same for the excused list. */
	excused?: Record<number, RowChoice>;
}

/**
 * Reads the confirmation form: fields through the schema, speakers from their `speaker:` fields,
 * participants' and excused people's rows from their `participant:` and `excused:` fields.
 * Returns the field errors (codes) when something is wrong, with the typed values kept.
 */
export function readConfirmForm(raw: Record<string, string>): { ok: true; data: ConfirmImportInput } | { ok: false; errors: Record<string, string> } {
	const parsed = confirmImportSchema.safeParse(raw);
	const errors: Record<string, string> = {};
	const speakers: Record<string, SpeakerChoice> = {};
	const participants: Record<number, RowChoice> = {};
	const excused: Record<number, RowChoice> = {};
	for (const [name, value] of Object.entries(raw)) {
		if (name.startsWith(SPEAKER_FIELD_PREFIX)) {
			const choice = parseSpeakerChoice(value);
			if (choice) speakers[name.slice(SPEAKER_FIELD_PREFIX.length)] = choice;
			else errors[name] = 'invalid_choice';
			continue;
		}
		const rows = name.startsWith(PARTICIPANT_FIELD_PREFIX) ? participants : name.startsWith(EXCUSED_FIELD_PREFIX) ? excused : null;
		if (!rows) continue;
		const index = name.slice(name.indexOf(':') + 1);
		const choice = parseRowChoice(value);
		if (choice && /^\d{1,6}$/.test(index)) rows[Number(index)] = choice;
		else errors[name] = 'invalid_choice';
	}
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0] ?? 'form');
			errors[field] ??= issue.code === 'invalid_type' ? 'required' : issue.message;
		}
	}
	if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, data: { ...parsed.data, speakers, participants, excused } };
}
