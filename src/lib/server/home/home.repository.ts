/**
 * All SQL of the group's home page and of "my to-do" (issue 5 §7): read-only views over meetings,
 * action items, date polls, theme consultations and registrations, restricted to given groups.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';

/** The groups the organisation is an active member or partner of: where it answers polls and registers. */
export async function listActiveGroupsOfOrganisation(db: Executor, organisationId: string): Promise<string[]> {
	const rows = await db.selectFrom('group_membership').select('group_id').where('organisation_id', '=', organisationId).where('status', '=', 'active').execute();
	return rows.map((row) => row.group_id);
}

/** The person the account speaks for, if any. */
export async function findPersonOfUser(db: Executor, userId: string): Promise<string | null> {
	const row = await db.selectFrom('user_account').select('person_id').where('id', '=', userId).executeTakeFirst();
	return row?.person_id ?? null;
}

/**
 * The group's next meeting: the soonest one not over yet at `now` (a meeting under way still
 * counts). Meetings waiting for a date are not "next".
 */
export async function findNextMeeting(db: Executor, groupId: string, now: string) {
	return db
		.selectFrom('meeting')
		.select(['id', 'title_fr', 'title_ko', 'starts_at', 'ends_at', 'timezone', 'format', 'video_link', 'place', 'original_language'])
		.where('group_id', '=', groupId)
		.where('starts_at', 'is not', null)
		.where((eb) => eb(eb.fn.coalesce('ends_at', 'starts_at'), '>=', now))
		.orderBy('starts_at')
		.orderBy('id')
		.executeTakeFirst();
}

export async function listAgendaTitles(db: Executor, meetingId: string) {
	return db.selectFrom('agenda_item').select(['id', 'title_fr', 'title_ko']).where('meeting_id', '=', meetingId).orderBy('position').orderBy('id').execute();
}

/** The group's latest published minutes: the published meeting held last. */
export async function findLatestPublishedMinutes(db: Executor, groupId: string) {
	return db
		.selectFrom('meeting')
		.select(['id', 'title_fr', 'title_ko', 'starts_at', 'ends_at', 'timezone', 'published_at', 'original_language'])
		.where('group_id', '=', groupId)
		.where('status', '=', 'published')
		.orderBy(sql`coalesce(starts_at, published_at)`, 'desc')
		.orderBy('id')
		.executeTakeFirst();
}

/**
 * Open action items of the given groups owned by the person, by their organisation, or by another
 * person of that organisation, with their meeting (whose status says whether members may see it).
 */
export async function listOpenActionsOwnedBy(db: Executor, groupIds: readonly string[], owner: { personId: string | null; organisationId: string | null }) {
	if (groupIds.length === 0 || (!owner.personId && !owner.organisationId)) return [];
	return db
		.selectFrom('action_item')
		.innerJoin('meeting', 'meeting.id', 'action_item.meeting_id')
		.leftJoin('person as owner_person', 'owner_person.id', 'action_item.owner_person_id')
		.select([
			'action_item.id',
			'action_item.group_id',
			'action_item.description_fr',
			'action_item.description_ko',
			'action_item.owner_person_id',
			'action_item.owner_organisation_id',
			'action_item.due_on',
			'meeting.id as meeting_id',
			'meeting.title_fr as meeting_title_fr',
			'meeting.title_ko as meeting_title_ko',
			'meeting.timezone as meeting_timezone',
			'meeting.status as meeting_status'
		])
		.where('action_item.group_id', 'in', [...groupIds])
		.where('action_item.status', '=', 'open')
		.where((eb) => {
			const ors = [];
			if (owner.personId) ors.push(eb('action_item.owner_person_id', '=', owner.personId));
			if (owner.organisationId) {
				ors.push(eb('action_item.owner_organisation_id', '=', owner.organisationId));
				ors.push(eb('owner_person.organisation_id', '=', owner.organisationId));
			}
			return eb.or(ors);
		})
		.orderBy(sql`coalesce(action_item.due_on, '9999-12-31')`)
		.orderBy('action_item.created_at')
		.orderBy('action_item.id')
		.execute();
}

/** Meetings of the given groups, not started at `now`, the person was invited to and has not answered. */
export async function listUnansweredInvitations(db: Executor, groupIds: readonly string[], personId: string, now: string) {
	if (groupIds.length === 0) return [];
	return db
		.selectFrom('meeting_participant')
		.innerJoin('meeting', 'meeting.id', 'meeting_participant.meeting_id')
		.select(['meeting.id', 'meeting.group_id', 'meeting.title_fr', 'meeting.title_ko', 'meeting.starts_at', 'meeting.ends_at', 'meeting.timezone'])
		.where('meeting.group_id', 'in', [...groupIds])
		.where('meeting_participant.person_id', '=', personId)
		.where('meeting_participant.invited_at', 'is not', null)
		.where('meeting_participant.response', 'is', null)
		.where('meeting.starts_at', '>', now)
		.orderBy('meeting.starts_at')
		.orderBy('meeting.id')
		.execute();
}

/**
 * Open date polls of the given groups' forums, soonest closing first, with whether the
 * organisation has answered and how many organisations have.
 */
export async function listOpenDatePolls(db: Executor, groupIds: readonly string[], organisationId: string | null) {
	if (groupIds.length === 0) return [];
	return db
		.selectFrom('date_poll')
		.innerJoin('forum', 'forum.id', 'date_poll.forum_id')
		.select((eb) => [
			'date_poll.id',
			'date_poll.closes_at',
			'date_poll.closes_timezone',
			'forum.group_id',
			'forum.number as forum_number',
			'forum.title_fr as forum_title_fr',
			'forum.title_ko as forum_title_ko',
			eb.selectFrom('date_poll_answer').select((count) => count.fn.countAll<string | number>().as('count')).whereRef('date_poll_answer.poll_id', '=', 'date_poll.id').as('answer_count'),
			eb
				.selectFrom('date_poll_answer')
				.select((count) => count.fn.countAll<string | number>().as('count'))
				.whereRef('date_poll_answer.poll_id', '=', 'date_poll.id')
				.where('date_poll_answer.organisation_id', '=', organisationId ?? '')
				.as('own_answer_count')
		])
		.where('forum.group_id', 'in', [...groupIds])
		.where('date_poll.status', '=', 'open')
		.orderBy(sql`coalesce(date_poll.closes_at, '9999-12-31')`)
		.orderBy('forum.number')
		.execute();
}

/**
 * Theme consultations of the given groups' forums still open (themes listed, summary not yet
 * published: publishing closes the answers), with whether the organisation has answered.
 */
export async function listOpenConsultations(db: Executor, groupIds: readonly string[], organisationId: string | null) {
	if (groupIds.length === 0) return [];
	return db
		.selectFrom('theme_consultation')
		.innerJoin('forum', 'forum.id', 'theme_consultation.forum_id')
		.select((eb) => [
			'theme_consultation.id',
			'forum.group_id',
			'forum.number as forum_number',
			'forum.title_fr as forum_title_fr',
			'forum.title_ko as forum_title_ko',
			eb
				.selectFrom('consultation_answer')
				.select((count) => count.fn.countAll<string | number>().as('count'))
				.whereRef('consultation_answer.consultation_id', '=', 'theme_consultation.id')
				.as('answer_count'),
			eb
				.selectFrom('consultation_answer')
				.select((count) => count.fn.countAll<string | number>().as('count'))
				.whereRef('consultation_answer.consultation_id', '=', 'theme_consultation.id')
				.where('consultation_answer.organisation_id', '=', organisationId ?? '')
				.as('own_answer_count')
		])
		.where('forum.group_id', 'in', [...groupIds])
		.where('theme_consultation.summary_published_at', 'is', null)
		.where((eb) => eb.exists(eb.selectFrom('consultation_theme').select('consultation_theme.theme_key').whereRef('consultation_theme.consultation_id', '=', 'theme_consultation.id')))
		.orderBy('forum.number')
		.execute();
}

/**
 * Registrations of interest of the given groups' forums whose deadline is after `now`, soonest
 * first, with whether the organisation has registered, how many have, and how many of the group's
 * active member and partner organisations have not.
 */
export async function listOpenRegistrationRounds(db: Executor, groupIds: readonly string[], organisationId: string | null, now: string) {
	if (groupIds.length === 0) return [];
	return db
		.selectFrom('registration_round')
		.innerJoin('forum', 'forum.id', 'registration_round.forum_id')
		.select((eb) => [
			'registration_round.forum_id',
			'registration_round.deadline_at',
			'registration_round.deadline_timezone',
			'forum.group_id',
			'forum.number as forum_number',
			'forum.title_fr as forum_title_fr',
			'forum.title_ko as forum_title_ko',
			eb.selectFrom('registration').select((count) => count.fn.countAll<string | number>().as('count')).whereRef('registration.forum_id', '=', 'forum.id').as('answer_count'),
			eb
				.selectFrom('registration')
				.select((count) => count.fn.countAll<string | number>().as('count'))
				.whereRef('registration.forum_id', '=', 'forum.id')
				.where('registration.organisation_id', '=', organisationId ?? '')
				.as('own_answer_count'),
			eb
				.selectFrom('group_membership')
				.select((count) => count.fn.countAll<string | number>().as('count'))
				.whereRef('group_membership.group_id', '=', 'forum.group_id')
				.where('group_membership.status', '=', 'active')
				.where((inner) =>
					inner.not(
						inner.exists(
							inner
								.selectFrom('registration')
								.select('registration.id')
								.whereRef('registration.forum_id', '=', 'forum.id')
								.whereRef('registration.organisation_id', '=', 'group_membership.organisation_id')
						)
					)
				)
				.as('unanswered_count')
		])
		.where('forum.group_id', 'in', [...groupIds])
		.where('registration_round.deadline_at', '>', now)
		.orderBy('registration_round.deadline_at')
		.orderBy('forum.number')
		.execute();
}
