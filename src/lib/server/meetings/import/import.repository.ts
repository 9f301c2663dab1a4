/**
 * All SQL of the minutes import: reading the group's directory to match names against, finding a
 * meeting already imported from the same document, and writing an imported meeting (meeting,
 * agenda, interventions, decisions, unrecognised text, participants) inside the service's transaction.
 */
import type { Executor } from '../../db/database';
import type { PersonTitleTable } from '../../directory/directory.table';
import type {
	ActionItemTable,
	AgendaItemTable,
	DecisionTable,
	InterventionTable,
	MeetingParticipantTable,
	MeetingTable,
	MinutesUnrecognisedTable
} from '../meeting.table';

/** Organisations of the group's directory (active and former members: old minutes name both). */
export async function listGroupOrganisationsForMatching(db: Executor, groupId: string) {
	return db
		.selectFrom('group_membership')
		.innerJoin('organisation', 'organisation.id', 'group_membership.organisation_id')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko', 'organisation.name_en'])
		.where('group_membership.group_id', '=', groupId)
		.orderBy('organisation.name_fr')
		.orderBy('organisation.id')
		.execute();
}

/** People of these organisations, with every title they held (the service picks the meeting day's). */
export async function listPeopleForMatching(db: Executor, organisationIds: string[]): Promise<{
	people: { id: string; given_name: string; family_name: string; name_order: 'given-first' | 'family-first'; organisation_id: string | null }[];
	titles: PersonTitleTable[];
}> {
	if (organisationIds.length === 0) return { people: [], titles: [] };
	const people = await db
		.selectFrom('person')
		.select(['id', 'given_name', 'family_name', 'name_order', 'organisation_id'])
		.where('organisation_id', 'in', organisationIds)
		.orderBy('family_name')
		.orderBy('given_name')
		.orderBy('id')
		.execute();
	const titles = people.length
		? await db
				.selectFrom('person_title')
				.selectAll()
				.where(
					'person_id',
					'in',
					people.map((person) => person.id)
				)
				.execute()
		: [];
	return { people, titles };
}

/** Meetings of the group imported from a document with this hash. */
export async function listMeetingsWithSourceHash(db: Executor, groupId: string, sourceHash: string) {
	return db
		.selectFrom('meeting')
		.select(['id', 'title_fr', 'title_ko', 'starts_at', 'timezone'])
		.where('group_id', '=', groupId)
		.where('source_hash', '=', sourceHash)
		.orderBy('created_at')
		.execute();
}

export async function insertMeeting(db: Executor, row: MeetingTable): Promise<void> {
	await db.insertInto('meeting').values(row).execute();
}

export async function insertAgendaItems(db: Executor, rows: AgendaItemTable[]): Promise<void> {
	if (rows.length) await db.insertInto('agenda_item').values(rows).execute();
}

export async function insertInterventions(db: Executor, rows: InterventionTable[]): Promise<void> {
	// Bounded statements: PostgreSQL takes at most 65,535 parameters in one.
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('intervention').values(rows.slice(start, start + 500)).execute();
}

export async function insertDecisions(db: Executor, rows: DecisionTable[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('decision').values(rows.slice(start, start + 500)).execute();
}

export async function insertActionItems(db: Executor, rows: ActionItemTable[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('action_item').values(rows.slice(start, start + 500)).execute();
}

export async function insertUnrecognised(db: Executor, rows: MinutesUnrecognisedTable[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('minutes_unrecognised').values(rows.slice(start, start + 500)).execute();
}

export async function insertParticipants(db: Executor, rows: MeetingParticipantTable[]): Promise<void> {
	for (let start = 0; start < rows.length; start += 500) await db.insertInto('meeting_participant').values(rows.slice(start, start + 500)).execute();
}

/** What an imported meeting holds, for tests and the CLI's summary. */
export async function countMeetingContents(db: Executor, meetingId: string) {
	const count = async (table: 'agenda_item' | 'minutes_unrecognised' | 'meeting_participant') =>
		Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('count')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow()).count);
	const items = db.selectFrom('agenda_item').select('id').where('meeting_id', '=', meetingId);
	const interventions = Number(
		(await db.selectFrom('intervention').select((eb) => eb.fn.countAll().as('count')).where('agenda_item_id', 'in', items).executeTakeFirstOrThrow()).count
	);
	const decisions = Number(
		(await db.selectFrom('decision').select((eb) => eb.fn.countAll().as('count')).where('agenda_item_id', 'in', items).executeTakeFirstOrThrow()).count
	);
	return { agendaItems: await count('agenda_item'), interventions, decisions, unrecognised: await count('minutes_unrecognised'), participants: await count('meeting_participant') };
}
