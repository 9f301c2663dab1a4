/**
 * What the date poll and theme consultation forms send (issue 5 §3–4). Forms send one value per
 * name, so per-option and per-theme fields carry the id in their name (`choice:<optionId>`).
 */
import { z } from 'zod';
import { isCalendarDay } from '../directory/form-fields.schema';
import { isTimeZone } from '../../format/time-zones';
import { DATE_POLL_CHOICES, type DatePollChoice } from './poll.table';

/** A forum day: 2000–2100, anything else is a typing slip (the group started in 2016). */
const day = z
	.string()
	.trim()
	.min(1, 'required')
	.refine((value) => isCalendarDay(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2100, 'invalid_date');

/** "09:00", as <input type="time"> sends it (seconds, if a browser adds them, are dropped). */
const clock = z
	.string()
	.trim()
	.min(1, 'required')
	.transform((value) => value.slice(0, 5))
	.refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'invalid_date');

/** A checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true');

/** A reason for a rank ("après Chuseok"): a sentence or two; 500 characters. */
const reason = z.string().trim().max(500, 'too_long').default('');

/** The poll's closing time, typed as a day and a clock in a chosen zone; Alsace-Moselle's holidays or not. */
export const datePollSettingsSchema = z.object({
	closesDate: day,
	closesTime: clock,
	closesTimezone: z.string().trim().default('Europe/Paris').refine(isTimeZone, 'invalid_choice'),
	includeAlsaceMoselle: checkbox
});
export type DatePollSettingsInput = z.output<typeof datePollSettingsSchema>;

/** An option: one day (no end) or a range of local days in the forum's host zone, with the reason for its rank. */
export const datePollOptionSchema = z
	.object({
		startsOn: day,
		endsOn: z.string().trim().default(''),
		reasonFr: reason,
		reasonKo: reason
	})
	.transform((input) => ({ ...input, endsOn: input.endsOn || input.startsOn }))
	.superRefine((input, context) => {
		if (!day.safeParse(input.endsOn).success) context.addIssue({ code: 'custom', path: ['endsOn'], message: 'invalid_date' });
		else if (input.endsOn < input.startsOn) context.addIssue({ code: 'custom', path: ['endsOn'], message: 'date_before_start' });
	});
export type DatePollOptionInput = z.output<typeof datePollOptionSchema>;

export const optionMoveSchema = z.object({
	optionId: z.string().trim().max(40, 'invalid_choice'),
	direction: z.enum(['up', 'down'], { message: 'invalid_choice' })
});

export const optionIdSchema = z.object({ optionId: z.string().trim().min(1, 'required').max(40, 'invalid_choice') });

export const CHOICE_FIELD_PREFIX = 'choice:';

/**
 * An organisation's answer: `choice:<optionId>` = yes | if-need-be | no for each option, a comment,
 * and (coordinators answering for an organisation, e.g. from an e-mail) the organisation.
 */
export const datePollAnswerSchema = z.record(z.string(), z.string()).transform((fields, context) => {
	const choices: { optionId: string; choice: DatePollChoice }[] = [];
	for (const [field, value] of Object.entries(fields)) {
		if (!field.startsWith(CHOICE_FIELD_PREFIX)) continue;
		if (!(DATE_POLL_CHOICES as readonly string[]).includes(value)) {
			context.addIssue({ code: 'custom', path: [field], message: 'invalid_choice' });
			return z.NEVER;
		}
		choices.push({ optionId: field.slice(CHOICE_FIELD_PREFIX.length), choice: value as DatePollChoice });
	}
	// 2,000 characters: a paragraph on constraints ("our mayor is abroad that week").
	const comment = (fields.comment ?? '').trim();
	if (comment.length > 2000) {
		context.addIssue({ code: 'custom', path: ['comment'], message: 'too_long' });
		return z.NEVER;
	}
	return { choices, comment, organisationId: (fields.organisationId ?? '').trim() };
});
export type DatePollAnswerInput = z.output<typeof datePollAnswerSchema>;

/** A theme of the shared list, or a new one in three languages (one line each, 200 characters). */
export const consultationThemeSchema = z
	.object({
		themeKey: z.string().trim().max(80, 'invalid_choice').default(''),
		labelFr: z.string().trim().max(200, 'too_long').default(''),
		labelKo: z.string().trim().max(200, 'too_long').default(''),
		labelEn: z.string().trim().max(200, 'too_long').default('')
	})
	.superRefine((input, context) => {
		if (input.themeKey) return;
		for (const field of ['labelFr', 'labelKo', 'labelEn'] as const) {
			if (!input[field]) context.addIssue({ code: 'custom', path: [field], message: 'required' });
		}
	});
export type ConsultationThemeInput = z.output<typeof consultationThemeSchema>;

export const themeKeySchema = z.object({ themeKey: z.string().trim().min(1, 'required').max(80, 'invalid_choice') });

export const APPROVED_FIELD_PREFIX = 'approved:';
export const RANK_FIELD_PREFIX = 'rank:';

/**
 * An organisation's answer to a consultation: `approved:<themeKey>` ticked or not, and
 * `rank:<themeKey>` (1 = favourite) for the approved ones. Which themes exist is the service's check.
 */
export const consultationAnswerSchema = z.record(z.string(), z.string()).transform((fields, context) => {
	const approved = new Set(
		Object.entries(fields)
			.filter(([field, value]) => field.startsWith(APPROVED_FIELD_PREFIX) && (value === 'on' || value === 'true'))
			.map(([field]) => field.slice(APPROVED_FIELD_PREFIX.length))
	);
	const ranks = new Map<string, number>();
	for (const [field, value] of Object.entries(fields)) {
		if (!field.startsWith(RANK_FIELD_PREFIX) || value.trim() === '') continue;
		const themeKey = field.slice(RANK_FIELD_PREFIX.length);
		const rank = Number(value);
		if (!Number.isInteger(rank) || rank < 1 || rank > 100) {
			context.addIssue({ code: 'custom', path: [field], message: 'invalid_number' });
			return z.NEVER;
		}
		if (approved.has(themeKey)) ranks.set(themeKey, rank);
	}
	return { approved: [...approved], ranks: Object.fromEntries(ranks), organisationId: (fields.organisationId ?? '').trim() };
});
export type ConsultationAnswerInput = z.output<typeof consultationAnswerSchema>;

export const APPRECIATED_FIELD_PREFIX = 'appreciated:';

/** The published summary: the themes most appreciated (ticked) and an optional note in French and Korean (2,000 characters). */
export const consultationSummarySchema = z.record(z.string(), z.string()).transform((fields, context) => {
	const noteFr = (fields.noteFr ?? '').trim();
	const noteKo = (fields.noteKo ?? '').trim();
	for (const [field, value] of [['noteFr', noteFr], ['noteKo', noteKo]] as const) {
		if (value.length > 2000) {
			context.addIssue({ code: 'custom', path: [field], message: 'too_long' });
			return z.NEVER;
		}
	}
	const appreciated = Object.entries(fields)
		.filter(([field, value]) => field.startsWith(APPRECIATED_FIELD_PREFIX) && (value === 'on' || value === 'true'))
		.map(([field]) => field.slice(APPRECIATED_FIELD_PREFIX.length));
	return { appreciated, noteFr, noteKo };
});
export type ConsultationSummaryInput = z.output<typeof consultationSummarySchema>;
