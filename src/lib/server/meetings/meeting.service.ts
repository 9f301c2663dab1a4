/**
 * Meetings of a group (issue 4 §1, §2, §4): scheduling in a chosen zone, editing (a change of time
 * or place moves the calendar event: SEQUENCE + 1 and updated invitations), the agenda, invitations
 * by e-mail with their calendar file, answers, attendance and the participants list.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { zoneLabel } from '../../format/date-time';
import { meetingTimeSummary } from '../../format/meeting-times';
import { PARIS_ZONE, utcToZonedFields, zonedToUtc } from '../../format/time-zones';
import { authorize, can, type Actor } from '../auth/policy';
import type { Executor } from '../db/database';
import { findGroupBySlug } from '../directory/directory.repository';
import { formatPersonName } from '../directory/person-name';
import { organisationsHeldOn } from '../directory/person-affiliations';
import { listAffiliationsOfPeople } from '../directory/person.repository';
import { enqueueEmail } from '../mail/outbox';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { meetingCalendar } from './calendar';
import { localDayOf, writeVersion } from './minutes-content';
import * as repository from './meeting.repository';
import type { AgendaItemInput, AttendanceInput, MeetingInput } from './meeting.schema';
import type { Attendance, InvitationResponse, MeetingFormat, MeetingStatus, MeetingTable } from './meeting.table';

export interface MeetingSummary {
	id: string;
	title: { fr: string; ko: string };
	startsAt: string | null;
	endsAt: string | null;
	timezone: string;
	format: MeetingFormat;
	videoLink: string | null;
	place: string | null;
	status: MeetingStatus;
	previousMeetingId: string | null;
	calendarSequence: number;
	publishedAt: string | null;
}

/**
 * After a change to a meeting whose minutes are published, keeps the minutes as they now are as a
 * new version, with who and when (issue 4 §6), in the change's transaction. Reads the meeting again,
 * so the version holds the change itself.
 */
async function keepVersion(db: Executor, meetingId: string, actor: Actor, now: Date): Promise<void> {
	const meeting = await repository.findMeeting(db, meetingId);
	if (meeting?.status === 'published') await writeVersion(db, meeting, actor, now);
}

/** `defaultTimezone`: where the group's meetings are scheduled unless said otherwise (issue 4 §1). */
type GroupOfMeeting = { id: string; slug: string; name: { fr: string; ko: string; en: string }; defaultTimezone: string };

function rowToSummary(row: repository.MeetingRow): MeetingSummary {
	return {
		id: row.id,
		title: { fr: row.title_fr, ko: row.title_ko },
		startsAt: row.starts_at,
		endsAt: row.ends_at,
		timezone: row.timezone,
		format: row.format,
		videoLink: row.video_link,
		place: row.place,
		status: row.status,
		previousMeetingId: row.previous_meeting_id,
		calendarSequence: Number(row.calendar_sequence),
		publishedAt: row.published_at
	};
}

/** A title in a language, else in the other one (minutes are often written in one only). */
export function meetingTitleIn(title: { fr: string; ko: string }, locale: Locale): string {
	return locale === 'ko' ? title.ko || title.fr : title.fr || title.ko;
}

async function loadGroup(context: ServiceContext, actor: Actor, groupSlug: string, action: 'group.view' | 'group.manage') {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, action, group.id);
	if (denied) return denied;
	return ok<GroupOfMeeting>({ id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en }, defaultTimezone: group.default_timezone || PARIS_ZONE });
}

/** The meeting if it belongs to the group and the actor may do `action` there. */
async function loadMeeting(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, action: 'group.view' | 'group.manage') {
	const group = await loadGroup(context, actor, groupSlug, action);
	if (!group.ok) return group;
	const row = isId(meetingId) ? await repository.findMeeting(context.db, meetingId) : undefined;
	if (!row || row.group_id !== group.value.id) return fail('NOT_FOUND');
	return ok({ group: group.value, row });
}

export interface MeetingList {
	group: GroupOfMeeting;
	upcoming: MeetingSummary[];
	past: MeetingSummary[];
	canManage: boolean;
}

/** A group's meetings: upcoming ones soonest first, then past ones latest first (undated ones with the upcoming). */
export async function listMeetings(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<MeetingList, 'NOT_FOUND'>> {
	const group = await loadGroup(context, actor, groupSlug, 'group.view');
	if (!group.ok) return group;
	const now = context.clock().toISOString();
	const meetings = (await repository.listMeetingsOfGroup(context.db, group.value.id)).map(rowToSummary);
	const upcoming = meetings.filter((meeting) => !meeting.endsAt || meeting.endsAt >= now).reverse();
	const past = meetings.filter((meeting) => meeting.endsAt && meeting.endsAt < now);
	return ok({ group: group.value, upcoming, past, canManage: can(actor, 'group.manage', group.value.id) });
}

export interface MeetingFormValues {
	titleFr: string;
	titleKo: string;
	date: string;
	startTime: string;
	endTime: string;
	timezone: string;
	format: MeetingFormat;
	videoLink: string;
	place: string;
	previousMeetingId: string;
}

/**
 * The scheduling form's first values: the group's default zone (Paris unless an administrator
 * chose another), 9:00–10:00 (the group meets at 9:00 French time, 17:00 in Seoul: minutes of
 * 27 February 2024), video; or, for "next meeting", the previous
 * meeting's title, format, link, place, time of day and zone (the date is left to choose).
 */
export async function getMeetingFormDefaults(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	fromMeetingId: string | null
): Promise<Result<{ group: GroupOfMeeting; values: MeetingFormValues; previous: MeetingSummary | null }, 'NOT_FOUND'>> {
	const group = await loadGroup(context, actor, groupSlug, 'group.manage');
	if (!group.ok) return group;
	const values: MeetingFormValues = { titleFr: '', titleKo: '', date: '', startTime: '09:00', endTime: '10:00', timezone: group.value.defaultTimezone, format: 'video', videoLink: '', place: '', previousMeetingId: '' };
	if (!fromMeetingId) return ok({ group: group.value, values, previous: null });
	const previous = isId(fromMeetingId) ? await repository.findMeeting(context.db, fromMeetingId) : undefined;
	if (!previous || previous.group_id !== group.value.id) return fail('NOT_FOUND');
	return ok({ group: group.value, values: { ...values, ...formValuesOf(previous), date: '', previousMeetingId: previous.id }, previous: rowToSummary(previous) });
}

function formValuesOf(row: repository.MeetingRow): MeetingFormValues {
	const start = row.starts_at ? utcToZonedFields(row.starts_at, row.timezone) : null;
	const end = row.ends_at ? utcToZonedFields(row.ends_at, row.timezone) : null;
	return {
		titleFr: row.title_fr,
		titleKo: row.title_ko,
		date: start?.date ?? '',
		startTime: start?.time ?? '09:00',
		endTime: end?.time ?? '10:00',
		timezone: row.timezone,
		format: row.format,
		videoLink: row.video_link ?? '',
		place: row.place ?? '',
		previousMeetingId: row.previous_meeting_id ?? ''
	};
}

/** The columns a form sets: instants from the day and clocks read in the chosen zone. */
function columnsOf(input: MeetingInput) {
	return {
		title_fr: input.titleFr,
		title_ko: input.titleKo,
		starts_at: zonedToUtc(input.date, input.startTime, input.timezone).toISOString(),
		ends_at: zonedToUtc(input.date, input.endTime, input.timezone).toISOString(),
		timezone: input.timezone,
		format: input.format,
		// Only what the format uses is kept: a link left in the form of an in-person meeting is not sent out.
		video_link: input.format === 'in_person' ? null : input.videoLink || null,
		place: input.format === 'video' ? null : input.place || null
	};
}

/**
 * Schedules a meeting (coordinators, administrators). From a previous meeting ("next meeting"),
 * its agenda items' titles are copied, in order, without presenters.
 */
export async function scheduleMeeting(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	input: MeetingInput
): Promise<Result<{ meetingId: string }, 'NOT_FOUND' | 'INVALID_FIELD'>> {
	const group = await loadGroup(context, actor, groupSlug, 'group.manage');
	if (!group.ok) return group;
	let previous: repository.MeetingRow | undefined;
	if (input.previousMeetingId) {
		previous = isId(input.previousMeetingId) ? await repository.findMeeting(context.db, input.previousMeetingId) : undefined;
		if (!previous || previous.group_id !== group.value.id) return fail('INVALID_FIELD', 'previousMeetingId');
	}
	const now = context.clock().toISOString();
	const meetingId = newId();
	await context.db.transaction().execute(async (transaction) => {
		await repository.insertMeeting(transaction, {
			id: meetingId,
			group_id: group.value.id,
			...columnsOf(input),
			status: 'draft',
			original_language: input.titleFr ? 'fr' : 'ko',
			previous_meeting_id: previous?.id ?? null,
			calendar_sequence: 0,
			source_hash: null,
			created_at: now,
			updated_at: now,
			published_at: null
		});
		if (previous) {
			for (const [index, item] of (await repository.listAgendaItems(transaction, previous.id)).entries()) {
				await repository.insertAgendaItem(transaction, { id: newId(), meeting_id: meetingId, position: index + 1, title_fr: item.title_fr, title_ko: item.title_ko, presenter_person_id: null });
			}
		}
	});
	return ok({ meetingId });
}

export interface MailOptions {
	/** "https://dari.example.org": links in e-mails and the calendar file's UID domain. */
	origin: string;
}

/**
 * Changes a meeting. A change of day, time, zone, format, link or place moves the calendar event:
 * SEQUENCE goes up by one and, when invitations were sent, each invitee gets the updated
 * invitation (same UID), so their calendar moves the event instead of adding a second one.
 */
export async function updateMeeting(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	input: MeetingInput,
	mail: MailOptions
): Promise<Result<{ moved: boolean; updatedInvitations: number }, 'NOT_FOUND'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const columns = columnsOf(input);
	const moved = (['starts_at', 'ends_at', 'timezone', 'format', 'video_link', 'place'] as const).some((column) => columns[column] !== row[column]);
	const now = context.clock();
	return context.db.transaction().execute(async (transaction) => {
		const changes = { ...columns, updated_at: now.toISOString(), calendar_sequence: Number(row.calendar_sequence) + (moved ? 1 : 0) };
		await repository.updateMeeting(transaction, row.id, changes);
		let updatedInvitations = 0;
		if (moved) {
			const invited = new Set((await repository.listParticipants(transaction, row.id)).filter((participant) => participant.invited_at).map((participant) => participant.person_id));
			if (invited.size > 0) {
				const updated = { ...row, ...changes };
				const people = (await repository.listGroupPeople(transaction, group.id)).filter((person) => invited.has(person.id));
				updatedInvitations = await sendInvitationMails(transaction, group, updated, people, now, mail, true);
			}
		}
		await keepVersion(transaction, row.id, actor, now);
		return ok({ moved, updatedInvitations });
	});
}

type GroupPerson = Awaited<ReturnType<typeof repository.listGroupPeople>>[number];

function personName(person: { given_name: string; family_name: string; name_order: 'given-first' | 'family-first' }): string {
	return formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
}

/** Writes one invitation e-mail per person with an address, in their language, with the calendar file. */
async function sendInvitationMails(
	db: Executor,
	group: GroupOfMeeting,
	meeting: repository.MeetingRow,
	people: GroupPerson[],
	now: Date,
	mail: MailOptions,
	isUpdate: boolean
): Promise<number> {
	const hostname = new URL(mail.origin).hostname;
	let count = 0;
	for (const person of people) {
		const to = person.email ?? person.account_email;
		if (!to || !meeting.starts_at) continue;
		const locale: Locale = person.preferred_language;
		const title = meetingTitleIn({ fr: meeting.title_fr, ko: meeting.title_ko }, locale);
		const url = `${mail.origin}/${locale}/groups/${group.slug}/meetings/${meeting.id}`;
		const where = [meeting.video_link, meeting.place].filter(Boolean).join(' · ');
		// The day in the meeting's zone, which it names; then the clocks in Paris, in Seoul and in the meeting's zone.
		const when = meetingTimeSummary(meeting.starts_at, meeting.ends_at, locale, meeting.timezone);
		const day = `${when.day} (${zoneLabel(meeting.timezone, locale, new Date(meeting.starts_at))})`;
		const text = m.meeting_email_invitation_body(
			{ title, group: group.name[locale], day, times: when.times, where: where || '—', url },
			{ locale }
		);
		const calendar = meetingCalendar(
			{
				id: meeting.id,
				title,
				description: `${group.name[locale]}\n${url}`,
				startsAt: meeting.starts_at,
				endsAt: meeting.ends_at ?? meeting.starts_at,
				timezone: meeting.timezone,
				location: where || null,
				url,
				calendarSequence: Number(meeting.calendar_sequence),
				stamp: now.toISOString()
			},
			{ hostname, organizer: { name: group.name[locale], email: `noreply@${hostname}` }, attendee: { name: personName(person), email: to } }
		);
		await enqueueEmail(
			db,
			{
				to,
				subject: isUpdate ? m.meeting_email_update_subject({ title }, { locale }) : m.meeting_email_invitation_subject({ title }, { locale }),
				text,
				attachments: [{ filename: 'invitation.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: calendar }]
			},
			now,
			hostname
		);
		await repository.markInvited(db, meeting.id, person.id, now.toISOString());
		count++;
	}
	return count;
}

/**
 * Sends the invitations: one e-mail, in the person's language and with the calendar file, to every
 * person of the group's active member and partner organisations who has an e-mail (their own, else
 * their account's). Written to the outbox in the same transaction that marks them invited.
 */
export async function sendInvitations(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	mail: MailOptions
): Promise<Result<{ sent: number }, 'NOT_FOUND' | 'NO_DATE'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	if (!row.starts_at) return fail('NO_DATE');
	const now = context.clock();
	const sent = await context.db.transaction().execute(async (transaction) =>
		sendInvitationMails(transaction, group, row, await repository.listGroupPeople(transaction, group.id), now, mail, false)
	);
	return ok({ sent });
}

/** The calendar file of a meeting, for the "add to my calendar" link (group viewers). */
export async function getMeetingCalendar(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	options: { origin: string; locale: Locale }
): Promise<Result<{ filename: string; text: string }, 'NOT_FOUND'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.view');
	if (!found.ok) return found;
	const { group, row } = found.value;
	if (!row.starts_at) return fail('NOT_FOUND');
	const hostname = new URL(options.origin).hostname;
	const url = `${options.origin}/${options.locale}/groups/${group.slug}/meetings/${row.id}`;
	const text = meetingCalendar(
		{
			id: row.id,
			title: meetingTitleIn({ fr: row.title_fr, ko: row.title_ko }, options.locale),
			description: `${group.name[options.locale]}\n${url}`,
			startsAt: row.starts_at,
			endsAt: row.ends_at ?? row.starts_at,
			timezone: row.timezone,
			location: [row.video_link, row.place].filter(Boolean).join(' · ') || null,
			url,
			calendarSequence: Number(row.calendar_sequence),
			stamp: row.updated_at
		},
		{ hostname, organizer: { name: group.name[options.locale], email: `noreply@${hostname}` } }
	);
	return ok({ filename: `meeting-${row.starts_at.slice(0, 10)}.ics`, text });
}

export interface AgendaItem {
	id: string;
	position: number;
	title: { fr: string; ko: string };
	presenter: { id: string; name: string } | null;
}

export interface MeetingParticipant {
	personId: string;
	name: string;
	givenName: string;
	familyName: string;
	organisation: { fr: string; ko: string | null; en: string | null } | null;
	invitedAt: string | null;
	response: InvitationResponse | null;
	attendance: Attendance | null;
	publicListingConsent: boolean;
}

export interface ParticipantsListEntry {
	personId: string;
	organisation: { fr: string; ko: string | null; en: string | null } | null;
	givenName: string;
	familyName: string;
	/** False: shown to the group's signed-in viewers, marked, and left out of published lists. */
	publicListingConsent: boolean;
}

/**
 * Each participant's organisation on the meeting's day (issue 4 §3), else their current one.
 * A meeting without a date: the current ones.
 */
async function participantOrganisations(db: Executor, meeting: Pick<MeetingTable, 'starts_at' | 'timezone'>, rows: { person_id: string; organisation_name_fr: string | null; organisation_name_ko: string | null; organisation_name_en: string | null }[]) {
	const day = meeting.starts_at ? localDayOf(new Date(meeting.starts_at), meeting.timezone) : null;
	const held = organisationsHeldOn(await listAffiliationsOfPeople(db, rows.map((row) => row.person_id)), day);
	return (row: (typeof rows)[number]): { fr: string; ko: string | null; en: string | null } | null => {
		const found = held.get(row.person_id);
		if (found) return { fr: found.fr, ko: found.ko, en: found.en };
		return row.organisation_name_fr === null ? null : { fr: row.organisation_name_fr, ko: row.organisation_name_ko, en: row.organisation_name_en };
	};
}

/**
 * The participants list (Organisation / Given name / Family name, as in the reference minutes):
 * the people recorded present, with the organisation they belonged to on the meeting's day. With
 * `published: true` (published minutes, exports), only those who agreed to be listed. Callers
 * check that the actor may see the meeting.
 */
export async function participantsList(db: Executor, meeting: Pick<MeetingTable, 'id' | 'starts_at' | 'timezone'>, options: { published: boolean }): Promise<ParticipantsListEntry[]> {
	const rows = await repository.listParticipants(db, meeting.id);
	const organisationOf = await participantOrganisations(db, meeting, rows);
	return rows
		.filter((row) => row.attendance === 'present' && (!options.published || Boolean(row.public_listing_consent)))
		.map((row) => ({
			personId: row.person_id,
			organisation: organisationOf(row),
			givenName: row.given_name,
			familyName: row.family_name,
			publicListingConsent: Boolean(row.public_listing_consent)
		}));
}

export interface MeetingPage {
	group: GroupOfMeeting;
	meeting: MeetingSummary;
	formValues: MeetingFormValues;
	agenda: AgendaItem[];
	participants: MeetingParticipant[];
	participantsList: ParticipantsListEntry[];
	/** The group's people (presenters, the attendance table): for those who manage the group. */
	people: { id: string; name: string; organisation: string }[];
	/** The viewer's own invitation, when their account stands for a person of the group. */
	ownAnswer: { personId: string; invited: boolean; response: InvitationResponse | null } | null;
	invitationsSent: number;
	canManage: boolean;
}

/** A meeting's page: times, agenda, invitations and answers, attendance, participants list. */
export async function getMeeting(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string): Promise<Result<MeetingPage, 'NOT_FOUND'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.view');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const canManage = can(actor, 'group.manage', group.id);
	const groupPeople = await repository.listGroupPeople(context.db, group.id);
	const names = new Map(groupPeople.map((person) => [person.id, personName(person)]));
	const participantRows = await repository.listParticipants(context.db, row.id);
	const organisationOf = await participantOrganisations(context.db, row, participantRows);
	for (const participant of participantRows) names.set(participant.person_id, personName(participant));
	const ownPersonId = actor.kind === 'user' ? await repository.findPersonIdOfUser(context.db, actor.userId) : null;
	const ownRow = ownPersonId ? participantRows.find((participant) => participant.person_id === ownPersonId) : undefined;
	const ownIsGroupPerson = ownPersonId !== null && groupPeople.some((person) => person.id === ownPersonId);
	return ok({
		group,
		meeting: rowToSummary(row),
		formValues: formValuesOf(row),
		agenda: (await repository.listAgendaItems(context.db, row.id)).map((item) => ({
			id: item.id,
			position: item.position,
			title: { fr: item.title_fr, ko: item.title_ko },
			presenter: item.presenter_person_id ? { id: item.presenter_person_id, name: names.get(item.presenter_person_id) ?? '' } : null
		})),
		participants: participantRows.map((participant) => ({
			personId: participant.person_id,
			name: personName(participant),
			givenName: participant.given_name,
			familyName: participant.family_name,
			organisation: organisationOf(participant),
			invitedAt: participant.invited_at,
			response: participant.response,
			attendance: participant.attendance,
			publicListingConsent: Boolean(participant.public_listing_consent)
		})),
		participantsList: await participantsList(context.db, row, { published: false }),
		people: canManage ? groupPeople.map((person) => ({ id: person.id, name: personName(person), organisation: person.organisation_name_fr })) : [],
		ownAnswer: ownPersonId && (ownRow || ownIsGroupPerson) ? { personId: ownPersonId, invited: Boolean(ownRow?.invited_at), response: ownRow?.response ?? null } : null,
		invitationsSent: participantRows.filter((participant) => participant.invited_at).length,
		canManage
	});
}

/**
 * The signed-in viewer answers for themselves (the person their account stands for): attending or
 * not. Anyone of the group's organisations may answer, invited by e-mail or not.
 */
export async function answerInvitation(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	response: InvitationResponse
): Promise<Result<{ response: InvitationResponse }, 'NOT_FOUND' | 'NOT_INVITED'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.view');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const personId = actor.kind === 'user' ? await repository.findPersonIdOfUser(context.db, actor.userId) : null;
	if (!personId) return fail('NOT_INVITED');
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (transaction) => {
		const participant = await repository.findParticipant(transaction, row.id, personId);
		if (!participant) {
			const inGroup = (await repository.listGroupPeople(transaction, group.id)).some((person) => person.id === personId);
			if (!inGroup) return fail('NOT_INVITED');
			await repository.setAttendance(transaction, row.id, personId, null);
		}
		await repository.setResponse(transaction, row.id, personId, response, now);
		return ok({ response });
	});
}

/**
 * Records who was present, excused or absent (coordinators), in one transaction. Only people of
 * the group's organisations or already on the meeting may be recorded.
 */
export async function recordAttendance(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	entries: AttendanceInput
): Promise<Result<{ recorded: number }, 'NOT_FOUND' | 'INVALID_FIELD'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	return context.db.transaction().execute(async (transaction) => {
		const known = new Set([
			...(await repository.listGroupPeople(transaction, group.id)).map((person) => person.id),
			...(await repository.listParticipants(transaction, row.id)).map((participant) => participant.person_id)
		]);
		const unknown = entries.find((entry) => !known.has(entry.personId));
		if (unknown) return fail('INVALID_FIELD', `attendance:${unknown.personId}`);
		for (const entry of entries) await repository.setAttendance(transaction, row.id, entry.personId, entry.attendance);
		await keepVersion(transaction, row.id, actor, context.clock());
		return ok({ recorded: entries.filter((entry) => entry.attendance).length });
	});
}

async function checkPresenter(db: Executor, groupId: string, presenterPersonId: string): Promise<boolean> {
	if (!presenterPersonId) return true;
	return (await repository.listGroupPeople(db, groupId)).some((person) => person.id === presenterPersonId);
}

/** Adds an item at the end of the agenda. */
export async function addAgendaItem(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	input: AgendaItemInput
): Promise<Result<{ itemId: string }, 'NOT_FOUND' | 'INVALID_FIELD'>> {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	if (!(await checkPresenter(context.db, group.id, input.presenterPersonId))) return fail('INVALID_FIELD', 'presenterPersonId');
	const itemId = newId();
	await context.db.transaction().execute(async (transaction) => {
		const items = await repository.listAgendaItems(transaction, row.id);
		await repository.insertAgendaItem(transaction, {
			id: itemId,
			meeting_id: row.id,
			position: items.length === 0 ? 1 : Math.max(...items.map((item) => item.position)) + 1,
			title_fr: input.titleFr,
			title_ko: input.titleKo,
			presenter_person_id: input.presenterPersonId || null
		});
		const now = context.clock();
		await repository.updateMeeting(transaction, row.id, { updated_at: now.toISOString() });
		await keepVersion(transaction, row.id, actor, now);
	});
	return ok({ itemId });
}

async function loadAgendaItem(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, itemId: string) {
	const found = await loadMeeting(context, actor, groupSlug, meetingId, 'group.manage');
	if (!found.ok) return found;
	const items = await repository.listAgendaItems(context.db, found.value.row.id);
	const item = items.find((candidate) => candidate.id === itemId);
	if (!item) return fail('NOT_FOUND');
	return ok({ ...found.value, items, item });
}

/** Changes an agenda item's titles and presenter. */
export async function updateAgendaItem(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	itemId: string,
	input: AgendaItemInput
): Promise<Result<{ itemId: string }, 'NOT_FOUND' | 'INVALID_FIELD'>> {
	const found = await loadAgendaItem(context, actor, groupSlug, meetingId, itemId);
	if (!found.ok) return found;
	if (!(await checkPresenter(context.db, found.value.group.id, input.presenterPersonId))) return fail('INVALID_FIELD', 'presenterPersonId');
	await context.db.transaction().execute(async (transaction) => {
		await repository.updateAgendaItem(transaction, itemId, { title_fr: input.titleFr, title_ko: input.titleKo, presenter_person_id: input.presenterPersonId || null });
		await touch(transaction, found.value.row.id, actor, context.clock());
	});
	return ok({ itemId });
}

/** Marks the meeting changed and, when its minutes are published, keeps a version. */
async function touch(db: Executor, meetingId: string, actor: Actor, now: Date): Promise<void> {
	await repository.updateMeeting(db, meetingId, { updated_at: now.toISOString() });
	await keepVersion(db, meetingId, actor, now);
}

/** Rewrites positions 1, 2, 3… in the given order. */
async function rewritePositions(db: Executor, orderedIds: string[]): Promise<void> {
	for (const [index, id] of orderedIds.entries()) await repository.updateAgendaItem(db, id, { position: index + 1 });
}

/**
 * Removes an agenda item and closes the gap in the numbering. An item under which the minutes still
 * hold interventions, decisions or action items is refused (HAS_MINUTES): removing it would silently
 * delete them, published minutes included; they are to be removed from the minutes first.
 */
export async function removeAgendaItem(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	itemId: string
): Promise<Result<{ itemId: string }, 'NOT_FOUND' | 'HAS_MINUTES'>> {
	const found = await loadAgendaItem(context, actor, groupSlug, meetingId, itemId);
	if (!found.ok) return found;
	return context.db.transaction().execute(async (transaction) => {
		if ((await repository.countMinutesEntriesOfAgendaItem(transaction, itemId)) > 0) return fail('HAS_MINUTES');
		await repository.deleteAgendaItem(transaction, itemId);
		await rewritePositions(
			transaction,
			found.value.items.filter((item) => item.id !== itemId).map((item) => item.id)
		);
		await touch(transaction, found.value.row.id, actor, context.clock());
		return ok({ itemId });
	});
}

/**
 * Moves an item one place up or down (buttons, no script needed); every position is rewritten in
 * one transaction, so the numbering stays 1, 2, 3… whatever happened before.
 */
export async function moveAgendaItem(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	itemId: string,
	direction: 'up' | 'down'
): Promise<Result<{ position: number }, 'NOT_FOUND'>> {
	const found = await loadAgendaItem(context, actor, groupSlug, meetingId, itemId);
	if (!found.ok) return found;
	const ids = found.value.items.map((item) => item.id);
	const from = ids.indexOf(itemId);
	const to = direction === 'up' ? Math.max(0, from - 1) : Math.min(ids.length - 1, from + 1);
	if (from === to) return ok({ position: to + 1 }); // already first or last: nothing changes
	[ids[from], ids[to]] = [ids[to], ids[from]];
	await context.db.transaction().execute(async (transaction) => {
		await rewritePositions(transaction, ids);
		await touch(transaction, found.value.row.id, actor, context.clock());
	});
	return ok({ position: to + 1 });
}
