/**
 * Read-only SQL for one meeting's minutes as a whole document (minutes-document.ts): the meeting,
 * its agenda, interventions, decisions, actions, attendance, the speakers' and participants'
 * titles and organisations, and the text an import did not recognise. Nothing here writes.
 */
import type { Executor } from '../db/database';

export async function findMeetingWithGroup(db: Executor, meetingId: string) {
	return db
		.selectFrom('meeting')
		.innerJoin('country_group', 'country_group.id', 'meeting.group_id')
		.selectAll('meeting')
		.select(['country_group.slug as group_slug', 'country_group.name_fr as group_name_fr', 'country_group.name_ko as group_name_ko'])
		.where('meeting.id', '=', meetingId)
		.executeTakeFirst();
}

/** The agenda in its order, with the presenter's name when there is one. */
export async function listAgendaItems(db: Executor, meetingId: string) {
	return db
		.selectFrom('agenda_item')
		.leftJoin('person', 'person.id', 'agenda_item.presenter_person_id')
		.selectAll('agenda_item')
		.select(['person.given_name as presenter_given_name', 'person.family_name as presenter_family_name', 'person.name_order as presenter_name_order'])
		.where('agenda_item.meeting_id', '=', meetingId)
		.orderBy('agenda_item.position')
		.orderBy('agenda_item.id')
		.execute();
}

/** Interventions of the meeting's items, with the speaker's person and organisation when in the directory. */
export async function listInterventions(db: Executor, meetingId: string) {
	return db
		.selectFrom('intervention')
		.innerJoin('agenda_item', 'agenda_item.id', 'intervention.agenda_item_id')
		.leftJoin('person', 'person.id', 'intervention.speaker_person_id')
		.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
		.selectAll('intervention')
		.select([
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'organisation.id as organisation_id',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko'
		])
		.where('agenda_item.meeting_id', '=', meetingId)
		.orderBy('agenda_item.position')
		.orderBy('intervention.position')
		.orderBy('intervention.id')
		.execute();
}

export async function listDecisions(db: Executor, meetingId: string) {
	return db
		.selectFrom('decision')
		.innerJoin('agenda_item', 'agenda_item.id', 'decision.agenda_item_id')
		.selectAll('decision')
		.where('agenda_item.meeting_id', '=', meetingId)
		.orderBy('agenda_item.position')
		.orderBy('decision.position')
		.orderBy('decision.id')
		.execute();
}

/** The meeting's action items with their owner's names (a person, an organisation, or none). */
export async function listActionItems(db: Executor, meetingId: string) {
	return db
		.selectFrom('action_item')
		.leftJoin('person', 'person.id', 'action_item.owner_person_id')
		.leftJoin('organisation', 'organisation.id', 'action_item.owner_organisation_id')
		.selectAll('action_item')
		.select([
			'person.given_name as owner_given_name',
			'person.family_name as owner_family_name',
			'person.name_order as owner_name_order',
			'organisation.name_fr as owner_organisation_name_fr',
			'organisation.name_ko as owner_organisation_name_ko'
		])
		.where('action_item.meeting_id', '=', meetingId)
		.orderBy('action_item.position')
		.orderBy('action_item.created_at')
		.orderBy('action_item.id')
		.execute();
}

/** People marked present or excused, with their organisation and consent to be listed. */
export async function listAttendance(db: Executor, meetingId: string) {
	return db
		.selectFrom('meeting_participant')
		.innerJoin('person', 'person.id', 'meeting_participant.person_id')
		.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
		.select([
			'meeting_participant.person_id',
			'meeting_participant.attendance',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.public_listing_consent',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko'
		])
		.where('meeting_participant.meeting_id', '=', meetingId)
		.where('meeting_participant.attendance', 'in', ['present', 'excused'])
		.execute();
}

/** Every title of the given people (the loader picks the one held on the meeting's day). */
export async function listTitlesOfPeople(db: Executor, personIds: string[]) {
	if (personIds.length === 0) return [];
	return db.selectFrom('person_title').selectAll().where('person_id', 'in', personIds).execute();
}

export async function listUnrecognised(db: Executor, meetingId: string) {
	return db.selectFrom('minutes_unrecognised').selectAll().where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}
