/**
 * What the registration forms send, read with zod (issue 5 §5). The registration form works
 * without JavaScript, so its fields are flat: one checkbox per person of the organisation
 * (`delegate-<personId>`), up to NEW_PERSON_ROWS rows for people not yet in the directory
 * (`new-<n>-givenName`…), one radio `head`, and per delegate MAX_PREFERENCES selects
 * (`pref-<personId or new-n>-<rank>`) whose values are `theme:<key>` or `visit:<programme item id>`.
 */
import { z } from 'zod';
import { emailSchema } from '../auth/auth.schema';
import { isCalendarDay } from '../directory/form-fields.schema';
import { isTimeZone } from '../../format/time-zones';
import { INTERESTS, type Interest } from './registration.table';

/** Four ranks: the 2nd forum's field visits are on four themes (minutes of 27 February 2024). */
export const MAX_PREFERENCES = 4;
/** Three new people per save: a delegation is 2–4 people; more are added by saving again. */
export const NEW_PERSON_ROWS = 3;
/** 40 delegates: far above the largest delegation of the 1st forum (a dozen), a guard against a runaway form. */
export const MAX_DELEGATES = 40;
/** Reminder steps: at most 5, each 1 to 60 days before the deadline. */
export const MAX_REMINDER_STEPS = 5;
export const DEFAULT_REMINDER_DAYS = [7, 2];

export type PreferenceChoice = { kind: 'theme'; key: string } | { kind: 'visit'; id: string };

export interface DelegateInput {
	/** The form's key of the row: a person id, or `new-<n>`. */
	key: string;
	personId: string | null;
	newPerson: { givenName: string; familyName: string; email: string | null } | null;
	preferences: PreferenceChoice[];
}

export interface RegistrationInput {
	/** The version the form was read at (0 when there was no registration yet). */
	version: number;
	interest: Interest;
	delegates: DelegateInput[];
	/** The key of the head of delegation's row. */
	headKey: string | null;
	needsInterpretation: boolean;
	needsDiet: string;
	needsAccess: string;
	expectations: string;
}

export function preferenceValue(choice: PreferenceChoice): string {
	return choice.kind === 'theme' ? `theme:${choice.key}` : `visit:${choice.id}`;
}

function readPreference(value: string): PreferenceChoice | null | 'invalid' {
	if (value === '') return null;
	const match = /^(theme|visit):(.{1,80})$/.exec(value);
	if (!match) return 'invalid';
	return match[1] === 'theme' ? { kind: 'theme', key: match[2] } : { kind: 'visit', id: match[2] };
}

/** Free texts: 500 characters for a need, 4,000 for expectations (a long paragraph in either language). */
const textField = (raw: Record<string, string>, name: string, max: number, issues: [string, string][]) => {
	const value = (raw[name] ?? '').trim();
	if (value.length > max) issues.push([name, 'too_long']);
	return value;
};

export const registrationInputSchema = z.record(z.string(), z.string()).transform((raw, context): RegistrationInput => {
	const issues: [string, string][] = [];
	const version = /^\d{1,9}$/.test(raw.version ?? '') ? Number(raw.version) : 0;
	const interest = INTERESTS.includes(raw.interest as Interest) ? (raw.interest as Interest) : null;
	if (!interest) issues.push(['interest', raw.interest ? 'invalid_choice' : 'required']);

	const rows: { key: string; personId: string | null; newPerson: DelegateInput['newPerson'] }[] = [];
	for (const [name, value] of Object.entries(raw)) {
		const match = /^delegate-(.+)$/.exec(name);
		if (match && (value === 'on' || value === 'true')) rows.push({ key: match[1], personId: match[1], newPerson: null });
	}
	for (let index = 0; index < NEW_PERSON_ROWS; index++) {
		const prefix = `new-${index}`;
		const givenName = (raw[`${prefix}-givenName`] ?? '').trim();
		const familyName = (raw[`${prefix}-familyName`] ?? '').trim();
		const emailText = (raw[`${prefix}-email`] ?? '').trim();
		if (!givenName && !familyName && !emailText) continue;
		if (!givenName) issues.push([`${prefix}-givenName`, 'required']);
		if (!familyName) issues.push([`${prefix}-familyName`, 'required']);
		if (givenName.length > 100) issues.push([`${prefix}-givenName`, 'too_long']);
		if (familyName.length > 100) issues.push([`${prefix}-familyName`, 'too_long']);
		let email: string | null = null;
		if (emailText) {
			const parsed = emailSchema.safeParse(emailText);
			if (parsed.success) email = parsed.data;
			else issues.push([`${prefix}-email`, parsed.error.issues[0]?.message ?? 'invalid_email']);
		}
		rows.push({ key: prefix, personId: null, newPerson: { givenName, familyName, email } });
	}
	if (rows.length > MAX_DELEGATES) issues.push(['delegates', 'too_long']);

	const delegates: DelegateInput[] = rows.map((row) => {
		const preferences: PreferenceChoice[] = [];
		const seen = new Set<string>();
		for (let rank = 1; rank <= MAX_PREFERENCES; rank++) {
			const name = `pref-${row.key}-${rank}`;
			const choice = readPreference(raw[name] ?? '');
			if (choice === null) continue;
			// The same visit or theme twice in one delegate's list says nothing more: refused where it is.
			if (choice === 'invalid' || seen.has(preferenceValue(choice))) issues.push([name, 'invalid_choice']);
			else {
				seen.add(preferenceValue(choice));
				preferences.push(choice);
			}
		}
		return { ...row, preferences };
	});

	const head = raw.head ?? '';
	let headKey: string | null = null;
	if (head) {
		if (delegates.some((delegate) => delegate.key === head)) headKey = head;
		else issues.push(['head', 'invalid_choice']);
	} else if (delegates.length > 0) issues.push(['head', 'required']);

	const result: RegistrationInput = {
		version,
		interest: interest ?? 'maybe',
		delegates,
		headKey,
		needsInterpretation: raw.needsInterpretation === 'on' || raw.needsInterpretation === 'true',
		needsDiet: textField(raw, 'needsDiet', 500, issues),
		needsAccess: textField(raw, 'needsAccess', 500, issues),
		expectations: textField(raw, 'expectations', 4000, issues)
	};
	for (const [path, message] of issues) context.addIssue({ code: 'custom', path: [path], message });
	return result;
});

/**
 * Opening registrations: the deadline as a day, a time and the zone they are read in, and the
 * reminder schedule as days before it ("7, 2").
 */
export const registrationRoundInputSchema = z.object({
	deadlineDate: z.string().trim().min(1, 'required').refine(isCalendarDay, 'invalid_date'),
	deadlineTime: z
		.string()
		.trim()
		.min(1, 'required')
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'invalid_choice'),
	deadlineTimezone: z.string().trim().refine(isTimeZone, 'invalid_choice'),
	reminderDays: z
		.string()
		.trim()
		.default('')
		.transform((value, context) => {
			if (value === '') return [];
			const parts = value.split(/[\s,;]+/).filter(Boolean);
			const days = parts.map(Number);
			if (parts.length > MAX_REMINDER_STEPS || days.some((day) => !Number.isInteger(day) || day < 1 || day > 60)) {
				context.addIssue({ code: 'custom', message: 'invalid_number' });
				return z.NEVER;
			}
			return [...new Set(days)].sort((a, b) => b - a);
		})
});
export type RegistrationRoundInput = z.output<typeof registrationRoundInputSchema>;

export const personalLinkInputSchema = z.object({ personId: z.string().trim().min(1, 'required') });
export const reminderInputSchema = z.object({ organisationId: z.string().trim().default('') });
