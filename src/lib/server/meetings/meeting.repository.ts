/** All SQL of meetings, their agenda, invitations and attendance (issue 4 §1, §2, §4). */
import type { Executor } from '../db/database';
import type { AgendaItemTable, Attendance, InvitationResponse, MeetingParticipantTable, MeetingTable } from './meeting.table';

export type MeetingRow = MeetingTable;
export type AgendaItemRow = AgendaItemTable;

export async function insertMeeting(db: Executor, row: MeetingRow): Promise<void> {
	await db.insertInto('meeting').values(row).execute();
}

export async function updateMeeting(db: Executor, id: string, changes: Partial<Omit<MeetingRow, 'id' | 'group_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

/** Whether the connection is PostgreSQL's (else SQLite's). */
export function isPostgres(db: Executor): boolean {
	return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}

/**
 * Locks a meeting's row until the end of the transaction (PostgreSQL, FOR UPDATE), so that changes
 * numbering its minutes versions take turns. SQLite runs one transaction at a time: nothing to do.
 */
export async function lockMeeting(db: Executor, id: string): Promise<void> {
	if (isPostgres(db)) await db.selectFrom('meeting').select('id').where('id', '=', id).forUpdate().execute();
}

export async function findMeeting(db: Executor, id: string): Promise<MeetingRow | undefined> {
	return db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A group's meetings, latest first; those waiting for a date last. */
export async function listMeetingsOfGroup(db: Executor, groupId: string): Promise<MeetingRow[]> {
	return db
		.selectFrom('meeting')
		.selectAll()
		.where('group_id', '=', groupId)
		.orderBy((eb) => eb.case().when('starts_at', 'is', null).then(1).else(0).end())
		.orderBy('starts_at', 'desc')
		.orderBy('id')
		.execute();
}

export async function listAgendaItems(db: Executor, meetingId: string): Promise<AgendaItemRow[]> {
	return db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}

export async function insertAgendaItem(db: Executor, row: AgendaItemRow): Promise<void> {
	await db.insertInto('agenda_item').values(row).execute();
}

export async function updateAgendaItem(db: Executor, id: string, changes: Partial<Pick<AgendaItemRow, 'title_fr' | 'title_ko' | 'presenter_person_id' | 'position'>>): Promise<void> {
	await db.updateTable('agenda_item').set(changes).where('id', '=', id).execute();
}

export async function deleteAgendaItem(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('agenda_item').where('id', '=', id).execute();
}

/** How many interventions, decisions and action items the minutes hold under an agenda item. */
export async function countMinutesEntriesOfAgendaItem(db: Executor, agendaItemId: string): Promise<number> {
	let total = 0;
	for (const table of ['intervention', 'decision', 'action_item'] as const) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll().as('count'))
			.where('agenda_item_id', '=', agendaItemId)
			.executeTakeFirst();
		total += Number(row?.count ?? 0);
	}
	return total;
}

/**
 * People of a group's active member and partner organisations, with their organisation and the
 * e-mail to write to: the person's own, else their account's.
 */
export async function listGroupPeople(db: Executor, groupId: string) {
	return db
		.selectFrom('person')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'person.organisation_id')
		.innerJoin('organisation', 'organisation.id', 'person.organisation_id')
		.leftJoin('user_account', 'user_account.person_id', 'person.id')
		.select([
			'person.id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.email',
			'person.preferred_language',
			'person.public_listing_consent',
			'user_account.email as account_email',
			'organisation.id as organisation_id',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko',
			'organisation.name_en as organisation_name_en'
		])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active')
		.where('group_membership.capacity', 'in', ['member', 'partner'])
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.execute();
}

/** Everyone invited to or recorded at a meeting, with their person and organisation. */
export async function listParticipants(db: Executor, meetingId: string) {
	return db
		.selectFrom('meeting_participant')
		.innerJoin('person', 'person.id', 'meeting_participant.person_id')
		.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
		.select([
			'meeting_participant.person_id',
			'meeting_participant.invited_at',
			'meeting_participant.response',
			'meeting_participant.responded_at',
			'meeting_participant.attendance',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.public_listing_consent',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko',
			'organisation.name_en as organisation_name_en'
		])
		.where('meeting_participant.meeting_id', '=', meetingId)
		.orderBy('person.family_name')
		.orderBy('person.given_name')
		.orderBy('person.id')
		.execute();
}

export async function findParticipant(db: Executor, meetingId: string, personId: string): Promise<MeetingParticipantTable | undefined> {
	return db.selectFrom('meeting_participant').selectAll().where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
}

/** Marks a person invited (again) at an instant; keeps an earlier answer and attendance. */
export async function markInvited(db: Executor, meetingId: string, personId: string, at: string): Promise<void> {
	await db
		.insertInto('meeting_participant')
		.values({ meeting_id: meetingId, person_id: personId, invited_at: at, response: null, responded_at: null, attendance: null })
		.onConflict((conflict) => conflict.columns(['meeting_id', 'person_id']).doUpdateSet({ invited_at: at }))
		.execute();
}

export async function setResponse(db: Executor, meetingId: string, personId: string, response: InvitationResponse, at: string): Promise<void> {
	await db
		.updateTable('meeting_participant')
		.set({ response, responded_at: at })
		.where('meeting_id', '=', meetingId)
		.where('person_id', '=', personId)
		.execute();
}

/** Records (or clears, with null) a person's attendance, adding them to the meeting if needed. */
export async function setAttendance(db: Executor, meetingId: string, personId: string, attendance: Attendance | null): Promise<void> {
	await db
		.insertInto('meeting_participant')
		.values({ meeting_id: meetingId, person_id: personId, invited_at: null, response: null, responded_at: null, attendance })
		.onConflict((conflict) => conflict.columns(['meeting_id', 'person_id']).doUpdateSet({ attendance }))
		.execute();
}

/** The person an account stands for, if any. */
export async function findPersonIdOfUser(db: Executor, userId: string): Promise<string | null> {
	const row = await db.selectFrom('user_account').select('person_id').where('id', '=', userId).executeTakeFirst();
	return row?.person_id ?? null;
}
