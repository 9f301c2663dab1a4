/**
 * All SQL of the minutes (issue 4 §3, §5, §6): agenda items' interventions, decisions and action
 * items, the meeting's workflow columns, versions, and the group-wide decisions and actions.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type {
	ActionItemTable,
	ActionStatus,
	DecisionTable,
	InterventionTable,
	MeetingTable,
	MinutesVersionTable
} from './meeting.table';

export async function findMeetingInGroup(db: Executor, groupId: string, meetingId: string): Promise<MeetingTable | undefined> {
	return db.selectFrom('meeting').selectAll().where('id', '=', meetingId).where('group_id', '=', groupId).executeTakeFirst();
}

export async function updateMeeting(db: Executor, id: string, changes: Partial<Pick<MeetingTable, 'status' | 'published_at' | 'original_language' | 'updated_at'>>): Promise<void> {
	await db.updateTable('meeting').set(changes).where('id', '=', id).execute();
}

export async function listAgendaItems(db: Executor, meetingId: string) {
	return db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}

export async function listInterventionsOfItems(db: Executor, agendaItemIds: string[]): Promise<InterventionTable[]> {
	if (agendaItemIds.length === 0) return [];
	return db.selectFrom('intervention').selectAll().where('agenda_item_id', 'in', agendaItemIds).orderBy('position').orderBy('id').execute();
}

export async function listDecisionsOfItems(db: Executor, agendaItemIds: string[]): Promise<DecisionTable[]> {
	if (agendaItemIds.length === 0) return [];
	return db.selectFrom('decision').selectAll().where('agenda_item_id', 'in', agendaItemIds).orderBy('position').orderBy('id').execute();
}

/** Text an import did not recognise, kept verbatim with the minutes (issue 4 §8), in document order. */
export async function listUnrecognisedTexts(db: Executor, meetingId: string): Promise<string[]> {
	const rows = await db.selectFrom('minutes_unrecognised').select('text').where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
	return rows.map((row) => row.text);
}

/** A meeting's action items, in their order (position, then the order they were written in). */
export async function listActionItemsOfMeeting(db: Executor, meetingId: string): Promise<ActionItemTable[]> {
	return db.selectFrom('action_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('created_at').orderBy('id').execute();
}

/** The position after the meeting's last action item. */
export async function nextActionPosition(db: Executor, meetingId: string): Promise<number> {
	const row = await db
		.selectFrom('action_item')
		.select((eb) => eb.fn.max('position').as('last'))
		.where('meeting_id', '=', meetingId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 1 : Number(row.last) + 1;
}

/** People with their organisation's names and every title they held (the service picks the day's). */
export async function listPeopleWithTitles(db: Executor, personIds: string[]) {
	if (personIds.length === 0) return { people: [], titles: [] };
	const people = await db
		.selectFrom('person')
		.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
		.select([
			'person.id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.organisation_id',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko'
		])
		.where('person.id', 'in', personIds)
		.execute();
	const titles = await db.selectFrom('person_title').selectAll().where('person_id', 'in', personIds).execute();
	return { people, titles };
}

/**
 * Ids of the people of the group's directory: those who belong, or once belonged (person_affiliation),
 * to organisations that are or were members of it — someone who has since left still spoke at
 * the meetings of their time, and their minutes are written afterwards.
 */
export async function listGroupPersonIds(db: Executor, groupId: string): Promise<string[]> {
	const current = db
		.selectFrom('person')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'person.organisation_id')
		.select('person.id as id')
		.where('group_membership.group_id', '=', groupId);
	const former = db
		.selectFrom('person_affiliation')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'person_affiliation.organisation_id')
		.select('person_affiliation.person_id as id')
		.where('group_membership.group_id', '=', groupId);
	const rows = await current.union(former).execute();
	return rows.map((row) => row.id);
}

/** Organisations that are or were members of the group, by French name. */
export async function listGroupOrganisations(db: Executor, groupId: string) {
	return db
		.selectFrom('organisation')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'organisation.id')
		.select(['organisation.id', 'organisation.name_fr', 'organisation.name_ko'])
		.distinct()
		.where('group_membership.group_id', '=', groupId)
		.orderBy('organisation.name_fr')
		.execute();
}

export async function listOrganisationNames(db: Executor, organisationIds: string[]) {
	if (organisationIds.length === 0) return [];
	return db.selectFrom('organisation').select(['id', 'name_fr', 'name_ko']).where('id', 'in', organisationIds).execute();
}

/** An intervention with the meeting it belongs to. */
export async function findIntervention(db: Executor, id: string) {
	return db
		.selectFrom('intervention')
		.innerJoin('agenda_item', 'agenda_item.id', 'intervention.agenda_item_id')
		.selectAll('intervention')
		.select('agenda_item.meeting_id')
		.where('intervention.id', '=', id)
		.executeTakeFirst();
}

export async function findDecision(db: Executor, id: string) {
	return db
		.selectFrom('decision')
		.innerJoin('agenda_item', 'agenda_item.id', 'decision.agenda_item_id')
		.selectAll('decision')
		.select('agenda_item.meeting_id')
		.where('decision.id', '=', id)
		.executeTakeFirst();
}

export async function findActionItem(db: Executor, id: string): Promise<ActionItemTable | undefined> {
	return db.selectFrom('action_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgendaItem(db: Executor, meetingId: string, agendaItemId: string) {
	return db.selectFrom('agenda_item').selectAll().where('id', '=', agendaItemId).where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** The position after the last one under an agenda item. */
export async function nextPosition(db: Executor, table: 'intervention' | 'decision', agendaItemId: string): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.max('position').as('last'))
		.where('agenda_item_id', '=', agendaItemId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 1 : Number(row.last) + 1;
}

export async function insertIntervention(db: Executor, row: InterventionTable): Promise<void> {
	await db.insertInto('intervention').values(row).execute();
}

export async function updateIntervention(db: Executor, id: string, changes: Partial<Omit<InterventionTable, 'id' | 'agenda_item_id'>>): Promise<void> {
	await db.updateTable('intervention').set(changes).where('id', '=', id).execute();
}

export async function deleteIntervention(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('intervention').where('id', '=', id).execute();
}

export async function insertDecision(db: Executor, row: DecisionTable): Promise<void> {
	await db.insertInto('decision').values(row).execute();
}

export async function updateDecision(db: Executor, id: string, changes: Partial<Omit<DecisionTable, 'id' | 'agenda_item_id'>>): Promise<void> {
	await db.updateTable('decision').set(changes).where('id', '=', id).execute();
}

export async function deleteDecision(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('decision').where('id', '=', id).execute();
}

export async function insertActionItem(db: Executor, row: ActionItemTable): Promise<void> {
	await db.insertInto('action_item').values(row).execute();
}

export async function updateActionItem(db: Executor, id: string, changes: Partial<Omit<ActionItemTable, 'id' | 'group_id' | 'meeting_id' | 'created_at'>>): Promise<void> {
	await db.updateTable('action_item').set(changes).where('id', '=', id).execute();
}

export async function deleteActionItem(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('action_item').where('id', '=', id).execute();
}

/** The ids and positions of an agenda item's interventions or decisions, in order. */
export async function listSiblingPositions(db: Executor, table: 'intervention' | 'decision', agendaItemId: string) {
	return db.selectFrom(table).select(['id', 'position']).where('agenda_item_id', '=', agendaItemId).orderBy('position').orderBy('id').execute();
}

export async function setPosition(db: Executor, table: 'intervention' | 'decision', id: string, position: number): Promise<void> {
	await db.updateTable(table).set({ position }).where('id', '=', id).execute();
}

export async function setActionPosition(db: Executor, id: string, position: number): Promise<void> {
	await db.updateTable('action_item').set({ position }).where('id', '=', id).execute();
}

export async function lastVersionNumber(db: Executor, meetingId: string): Promise<number> {
	const row = await db
		.selectFrom('minutes_version')
		.select((eb) => eb.fn.max('version').as('last'))
		.where('meeting_id', '=', meetingId)
		.executeTakeFirst();
	return row?.last === null || row?.last === undefined ? 0 : Number(row.last);
}

/** The newest version's number and snapshot, or undefined before the first. */
export async function findLastMinutesVersion(db: Executor, meetingId: string) {
	return db
		.selectFrom('minutes_version')
		.select(['version', 'snapshot'])
		.where('meeting_id', '=', meetingId)
		.orderBy('version', 'desc')
		.limit(1)
		.executeTakeFirst();
}

export async function insertMinutesVersion(db: Executor, row: MinutesVersionTable): Promise<void> {
	await db.insertInto('minutes_version').values(row).execute();
}

/** The versions of a meeting's minutes, newest first, with their author's name. */
export async function listMinutesVersions(db: Executor, meetingId: string) {
	return db
		.selectFrom('minutes_version')
		.leftJoin('user_account', 'user_account.id', 'minutes_version.author_user_id')
		.select(['minutes_version.version', 'minutes_version.at', 'user_account.name as author_name'])
		.where('minutes_version.meeting_id', '=', meetingId)
		.orderBy('minutes_version.version', 'desc')
		.execute();
}

export async function findMinutesVersion(db: Executor, meetingId: string, version: number) {
	return db
		.selectFrom('minutes_version')
		.leftJoin('user_account', 'user_account.id', 'minutes_version.author_user_id')
		.select(['minutes_version.version', 'minutes_version.at', 'minutes_version.snapshot', 'user_account.name as author_name'])
		.where('minutes_version.meeting_id', '=', meetingId)
		.where('minutes_version.version', '=', version)
		.executeTakeFirst();
}

/**
 * Who is told when minutes are published: every account with a role in the group, given to it or
 * brought by its person's organisation's active membership; once each, in its own language.
 */
export async function listGroupRecipients(db: Executor, groupId: string) {
	const explicit = db
		.selectFrom('user_account')
		.innerJoin('group_role', 'group_role.user_id', 'user_account.id')
		.select(['user_account.id', 'user_account.email', 'user_account.preferred_language'])
		.where('group_role.group_id', '=', groupId);
	const throughOrganisation = db
		.selectFrom('user_account')
		.innerJoin('person', 'person.id', 'user_account.person_id')
		.innerJoin('group_membership', 'group_membership.organisation_id', 'person.organisation_id')
		.select(['user_account.id', 'user_account.email', 'user_account.preferred_language'])
		.where('group_membership.group_id', '=', groupId)
		.where('group_membership.status', '=', 'active');
	return explicit.union(throughOrganisation).orderBy('email').execute();
}

/** Action items of the group with their meeting; drafts' only when asked (for coordinators). */
export async function listGroupActionItems(db: Executor, groupId: string, includeDrafts: boolean, statuses: readonly ActionStatus[]) {
	let query = db
		.selectFrom('action_item')
		.innerJoin('meeting', 'meeting.id', 'action_item.meeting_id')
		.selectAll('action_item')
		.select(['meeting.title_fr as meeting_title_fr', 'meeting.title_ko as meeting_title_ko', 'meeting.starts_at as meeting_starts_at', 'meeting.timezone as meeting_timezone', 'meeting.original_language as meeting_original_language'])
		.where('action_item.group_id', '=', groupId)
		.where('action_item.status', 'in', [...statuses]);
	if (!includeDrafts) query = query.where('meeting.status', '=', 'published');
	return query.orderBy(sql`coalesce(action_item.due_on, '9999-12-31')`).orderBy('action_item.created_at').orderBy('action_item.id').execute();
}

/** Decisions of the group's published meetings, newest meeting first, in the minutes' order. */
export async function listGroupDecisions(db: Executor, groupId: string) {
	return db
		.selectFrom('decision')
		.innerJoin('agenda_item', 'agenda_item.id', 'decision.agenda_item_id')
		.innerJoin('meeting', 'meeting.id', 'agenda_item.meeting_id')
		.select([
			'decision.id',
			'decision.text_fr',
			'decision.text_ko',
			'meeting.id as meeting_id',
			'meeting.title_fr as meeting_title_fr',
			'meeting.title_ko as meeting_title_ko',
			'meeting.starts_at as meeting_starts_at',
			'meeting.timezone as meeting_timezone',
			'meeting.original_language as meeting_original_language'
		])
		.where('meeting.group_id', '=', groupId)
		.where('meeting.status', '=', 'published')
		.orderBy(sql`coalesce(meeting.starts_at, meeting.created_at)`, 'desc')
		.orderBy('meeting.id')
		.orderBy('agenda_item.position')
		.orderBy('decision.position')
		.execute();
}

/**
 * Open actions of the group's meetings held before this one (every other meeting when this one has
 * no date yet): what is carried over to it.
 */
export async function listOpenActionsBefore(db: Executor, groupId: string, meetingId: string, startsAt: string | null) {
	let query = db
		.selectFrom('action_item')
		.innerJoin('meeting', 'meeting.id', 'action_item.meeting_id')
		.selectAll('action_item')
		.select(['meeting.title_fr as meeting_title_fr', 'meeting.title_ko as meeting_title_ko', 'meeting.starts_at as meeting_starts_at', 'meeting.timezone as meeting_timezone', 'meeting.original_language as meeting_original_language'])
		.where('action_item.group_id', '=', groupId)
		.where('action_item.status', '=', 'open')
		.where('meeting.id', '<>', meetingId);
	if (startsAt !== null) query = query.where('meeting.starts_at', '<', startsAt);
	return query.orderBy(sql`coalesce(action_item.due_on, '9999-12-31')`).orderBy('action_item.created_at').execute();
}
