/**
 * What the meeting forms send: a meeting's title, day, times in a chosen zone, format with link or
 * place; an agenda item; attendance; an answer to an invitation.
 */
import { z } from 'zod';
import { isCalendarDay } from '../directory/form-fields.schema';
import { isTimeZone } from '../../format/time-zones';
import { ATTENDANCES, MEETING_FORMATS, RESPONSES } from './meeting.table';

/** A title: one line; 200 characters hold the longest in the reference ("Proposition pour la 2ème édition…"). */
const title = z.string().trim().max(200, 'too_long').default('');

function isDay(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const year = Number(value.slice(0, 4));
	// 2000–2100: the group's minutes start in 2016; anything else is a typing slip.
	return year >= 2000 && year <= 2100 && isCalendarDay(value);
}

const day = z.string().trim().min(1, 'required').refine(isDay, 'invalid_date');
/** "09:00", as <input type="time"> sends it (seconds, if a browser adds them, are dropped). */
const clock = z
	.string()
	.trim()
	.min(1, 'required')
	.transform((value) => value.slice(0, 5))
	.refine((value) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value), 'invalid_date');

/** A video link: http or https only (no javascript: or file: links in an e-mail). 500 characters hold any meeting link. */
function isWebLink(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'https:' || url.protocol === 'http:';
	} catch {
		return false;
	}
}

export const meetingInputSchema = z
	.object({
		titleFr: title,
		titleKo: title,
		date: day,
		startTime: clock,
		endTime: clock,
		timezone: z.string().trim().default('Europe/Paris').refine(isTimeZone, 'invalid_choice'),
		format: z.enum(MEETING_FORMATS, { message: 'invalid_choice' }).default('video'),
		videoLink: z.string().trim().max(500, 'too_long').default(''),
		/** An address or a room: 300 characters. */
		place: z.string().trim().max(300, 'too_long').default(''),
		previousMeetingId: z.string().trim().max(40, 'invalid_choice').default('')
	})
	.superRefine((input, context) => {
		if (!input.titleFr && !input.titleKo) context.addIssue({ code: 'custom', path: ['titleFr'], message: 'required' });
		// Both times are on the meeting's day: a meeting ends after it starts.
		if (input.endTime <= input.startTime) context.addIssue({ code: 'custom', path: ['endTime'], message: 'date_before_start' });
		const needsLink = input.format === 'video' || input.format === 'hybrid';
		const needsPlace = input.format === 'in_person' || input.format === 'hybrid';
		if (needsLink && !input.videoLink) context.addIssue({ code: 'custom', path: ['videoLink'], message: 'required' });
		else if (input.videoLink && !isWebLink(input.videoLink)) context.addIssue({ code: 'custom', path: ['videoLink'], message: 'invalid_url' });
		if (needsPlace && !input.place) context.addIssue({ code: 'custom', path: ['place'], message: 'required' });
	});
export type MeetingInput = z.output<typeof meetingInputSchema>;

export const agendaItemInputSchema = z
	.object({
		titleFr: title,
		titleKo: title,
		presenterPersonId: z.string().trim().max(40, 'invalid_choice').default('')
	})
	.superRefine((input, context) => {
		if (!input.titleFr && !input.titleKo) context.addIssue({ code: 'custom', path: ['titleFr'], message: 'required' });
	});
export type AgendaItemInput = z.output<typeof agendaItemInputSchema>;

export const agendaMoveSchema = z.object({
	itemId: z.string().trim().max(40, 'invalid_choice'),
	direction: z.enum(['up', 'down'], { message: 'invalid_choice' })
});

export const answerInputSchema = z.object({ response: z.enum(RESPONSES, { message: 'invalid_choice' }) });

/** The attendance table sends `attendance:<personId>` = present | excused | absent | '' (not recorded). */
export const ATTENDANCE_FIELD_PREFIX = 'attendance:';
export const attendanceInputSchema = z.record(z.string(), z.string()).transform((fields, context) => {
	const entries: { personId: string; attendance: (typeof ATTENDANCES)[number] | null }[] = [];
	for (const [field, value] of Object.entries(fields)) {
		if (!field.startsWith(ATTENDANCE_FIELD_PREFIX)) continue;
		if (value !== '' && !(ATTENDANCES as readonly string[]).includes(value)) {
			context.addIssue({ code: 'custom', path: [field], message: 'invalid_choice' });
			return z.NEVER;
		}
		entries.push({ personId: field.slice(ATTENDANCE_FIELD_PREFIX.length), attendance: value === '' ? null : (value as (typeof ATTENDANCES)[number]) });
	}
	return entries;
});
export type AttendanceInput = z.output<typeof attendanceInputSchema>;
