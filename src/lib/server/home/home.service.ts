/**
 * The group's home page and "my to-do" (issue 5 §7): what a busy international-relations officer
 * opens first. Read-only: the next meeting, open polls and consultations with whether the viewer's
 * organisation has answered, registration deadlines with the time left, the open actions of the
 * viewer's organisation, the latest published minutes; and, across all the viewer's groups, one list
 * of everything waiting on them, soonest deadline first.
 */
import { zonedToUtc } from '$lib/format/time-zones';
import { authorize, can, standingOf, type Actor } from '../auth/policy';
import { findGroupBySlug, listGroupsByIds } from '../directory/directory.repository';
import { GROUP_DEFAULT_ZONE, isOverdue } from '../meetings/actions.service';
import type { MeetingFormat } from '../meetings/meeting.table';
import { localDayOf } from '../meetings/minutes-content';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './home.repository';

export type BilingualText = { fr: string; ko: string };
type GroupName = { fr: string; ko: string; en: string };

/** How long until a deadline, in the largest whole unit that is not zero ("3 days", "5 hours"). */
export interface TimeLeft {
	amount: number;
	unit: 'day' | 'hour' | 'minute';
}

/** The time from `now` to `deadline` (both ISO instants), rounded down; null once passed. */
export function timeLeft(deadline: string, now: string): TimeLeft | null {
	const minutes = Math.floor((Date.parse(deadline) - Date.parse(now)) / 60_000);
	if (minutes <= 0) return null;
	if (minutes >= 24 * 60) return { amount: Math.floor(minutes / (24 * 60)), unit: 'day' };
	if (minutes >= 60) return { amount: Math.floor(minutes / 60), unit: 'hour' };
	return { amount: minutes, unit: 'minute' };
}

export interface HomeMeeting {
	id: string;
	title: BilingualText;
	startsAt: string;
	endsAt: string | null;
	timezone: string;
	format: MeetingFormat;
	videoLink: string | null;
	place: string | null;
	agenda: { id: string; title: BilingualText }[];
}

export interface HomeMinutes {
	meetingId: string;
	title: BilingualText;
	startsAt: string | null;
	endsAt: string | null;
	timezone: string;
	publishedAt: string | null;
}

export interface HomeAction {
	id: string;
	description: BilingualText;
	meeting: { id: string; title: BilingualText };
	/** Local date YYYY-MM-DD in the group's zone (GROUP_DEFAULT_ZONE). */
	dueOn: string | null;
	overdue: boolean;
	/** Owned by the viewer themselves (else by their organisation or a colleague of it). */
	ownedByViewer: boolean;
}

/** An open date poll or theme consultation of one of the group's forums. */
export interface HomeConsultation {
	kind: 'date-poll' | 'consultation';
	id: string;
	forumNumber: number;
	forumTitle: BilingualText;
	/** Date polls close at an instant; consultations close when their summary is published. */
	closesAt: string | null;
	closesTimezone: string | null;
	timeLeft: TimeLeft | null;
	/** Whether the viewer's organisation has answered; null when it does not answer in this group. */
	answered: boolean | null;
	answerCount: number;
}

export interface CoordinatorWaiting {
	/** Open date polls whose closing time has passed: a date is to be picked. */
	pollsToClose: number;
	/** Member organisations that have not answered an open registration of interest yet. */
	registrationsUnanswered: number;
}

export interface GroupHome {
	group: { id: string; slug: string; name: GroupName; description: GroupName };
	viewerRole: 'administrator' | 'coordinator' | 'partner' | 'member';
	/** The service's clock, against which times left are counted. */
	now: string;
	nextMeeting: HomeMeeting | null;
	consultations: HomeConsultation[];
	registrations: RegistrationDeadline[];
	actions: HomeAction[];
	latestMinutes: HomeMinutes | null;
	/** Whether the viewer speaks for an organisation of the group (else "their organisation" means nothing). */
	hasOrganisation: boolean;
	/** For coordinators and administrators: what waits on them. */
	waiting: CoordinatorWaiting | null;
}

const text = (fr: string, ko: string): BilingualText => ({ fr, ko });

/** A forum's registration of interest still open (its deadline not passed), as the home page and the to-do show it. */
export interface RegistrationDeadline {
	/** The forum's id. */
	id: string;
	forumNumber: number;
	forumTitle: BilingualText;
	deadlineAt: string;
	deadlineTimezone: string;
	timeLeft: TimeLeft | null;
	/** Whether the viewer's organisation has registered; null when it does not register in this group. */
	answered: boolean | null;
	answerCount: number;
	/** Active member and partner organisations of the group without a registration yet. */
	unansweredOrganisations: number;
}

/**
 * Registrations of interest of the given groups' forums whose deadline has not passed (after it,
 * members can no longer register: nothing waits on them).
 */
async function loadRegistrationDeadlines(
	context: ServiceContext,
	groupIds: string[],
	organisation: { organisationId: string | null; groupIds: Set<string> },
	now: string
): Promise<{ groupId: string; item: RegistrationDeadline }[]> {
	const rows = await repository.listOpenRegistrationRounds(context.db, groupIds, organisation.organisationId, now);
	return rows.map((row) => ({
		groupId: row.group_id,
		item: {
			id: row.forum_id,
			forumNumber: row.forum_number,
			forumTitle: text(row.forum_title_fr, row.forum_title_ko),
			deadlineAt: row.deadline_at,
			deadlineTimezone: row.deadline_timezone,
			timeLeft: timeLeft(row.deadline_at, now),
			answered: organisation.groupIds.has(row.group_id) ? Number(row.own_answer_count ?? 0) > 0 : null,
			answerCount: Number(row.answer_count ?? 0),
			unansweredOrganisations: Number(row.unanswered_count ?? 0)
		}
	}));
}

/** The viewer's organisation when it answers in the group (an active member or partner of it). */
async function answeringOrganisation(context: ServiceContext, actor: Actor): Promise<{ organisationId: string | null; groupIds: Set<string> }> {
	if (actor.kind !== 'user' || !actor.organisationId) return { organisationId: null, groupIds: new Set() };
	return { organisationId: actor.organisationId, groupIds: new Set(await repository.listActiveGroupsOfOrganisation(context.db, actor.organisationId)) };
}

/** Open actions owned by the viewer or their organisation, those of draft minutes only for who manages the group. */
async function loadOwnActions(context: ServiceContext, actor: Actor, groupIds: string[], personId: string | null, today: string) {
	if (actor.kind !== 'user') return [];
	const rows = await repository.listOpenActionsOwnedBy(context.db, groupIds, { personId, organisationId: actor.organisationId ?? null });
	return rows
		.filter((row) => row.meeting_status === 'published' || can(actor, 'group.manage', row.group_id))
		.map((row) => ({
			groupId: row.group_id,
			action: {
				id: row.id,
				description: text(row.description_fr, row.description_ko),
				meeting: { id: row.meeting_id, title: text(row.meeting_title_fr, row.meeting_title_ko) },
				dueOn: row.due_on,
				overdue: isOverdue({ status: 'open', dueOn: row.due_on }, today),
				ownedByViewer: personId !== null && row.owner_person_id === personId
			} satisfies HomeAction
		}));
}

async function loadConsultations(context: ServiceContext, groupIds: string[], organisation: { organisationId: string | null; groupIds: Set<string> }, now: string) {
	const polls = await repository.listOpenDatePolls(context.db, groupIds, organisation.organisationId);
	const consultations = await repository.listOpenConsultations(context.db, groupIds, organisation.organisationId);
	const answers = (groupId: string, own: string | number | null) => (organisation.groupIds.has(groupId) ? Number(own ?? 0) > 0 : null);
	return [
		...polls.map((row) => ({
			groupId: row.group_id,
			item: {
				kind: 'date-poll',
				id: row.id,
				forumNumber: row.forum_number,
				forumTitle: text(row.forum_title_fr, row.forum_title_ko),
				closesAt: row.closes_at,
				closesTimezone: row.closes_timezone,
				timeLeft: row.closes_at ? timeLeft(row.closes_at, now) : null,
				answered: answers(row.group_id, row.own_answer_count),
				answerCount: Number(row.answer_count ?? 0)
			} satisfies HomeConsultation
		})),
		...consultations.map((row) => ({
			groupId: row.group_id,
			item: {
				kind: 'consultation',
				id: row.id,
				forumNumber: row.forum_number,
				forumTitle: text(row.forum_title_fr, row.forum_title_ko),
				closesAt: null,
				closesTimezone: null,
				timeLeft: null,
				answered: answers(row.group_id, row.own_answer_count),
				answerCount: Number(row.answer_count ?? 0)
			} satisfies HomeConsultation
		}))
	];
}

/**
 * The group's home page. Anyone who may view the group; unknown groups are NOT_FOUND. "Their
 * organisation" is the organisation the viewer's account speaks for, when it is an active member
 * or partner of the group.
 */
export async function getGroupHome(context: ServiceContext, actor: Actor, slug: string): Promise<Result<GroupHome, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, slug);
	// Unknown slug: 404 for everybody (the check below needs the group's id).
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const now = context.clock().toISOString();
	const today = localDayOf(context.clock(), GROUP_DEFAULT_ZONE);
	const personId = actor.kind === 'user' ? await repository.findPersonOfUser(context.db, actor.userId) : null;
	const organisation = await answeringOrganisation(context, actor);
	const manages = can(actor, 'group.manage', group.id);

	const next = await repository.findNextMeeting(context.db, group.id, now);
	const minutes = await repository.findLatestPublishedMinutes(context.db, group.id);
	const consultations = (await loadConsultations(context, [group.id], organisation, now)).map((entry) => entry.item);
	const registrations = await loadRegistrationDeadlines(context, [group.id], organisation, now);
	return ok({
		group: {
			id: group.id,
			slug: group.slug,
			name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en },
			description: { fr: group.description_fr, ko: group.description_ko, en: group.description_en }
		},
		viewerRole: standingOf(actor, group.id) as GroupHome['viewerRole'],
		now,
		nextMeeting: next?.starts_at
			? {
					id: next.id,
					title: text(next.title_fr, next.title_ko),
					startsAt: next.starts_at,
					endsAt: next.ends_at,
					timezone: next.timezone,
					format: next.format,
					videoLink: next.video_link,
					place: next.place,
					agenda: (await repository.listAgendaTitles(context.db, next.id)).map((item) => ({ id: item.id, title: text(item.title_fr, item.title_ko) }))
				}
			: null,
		consultations,
		registrations: registrations.map((entry) => entry.item),
		actions: (await loadOwnActions(context, actor, [group.id], personId, today)).map((entry) => entry.action),
		latestMinutes: minutes
			? { meetingId: minutes.id, title: text(minutes.title_fr, minutes.title_ko), startsAt: minutes.starts_at, endsAt: minutes.ends_at, timezone: minutes.timezone, publishedAt: minutes.published_at }
			: null,
		hasOrganisation: organisation.groupIds.has(group.id),
		waiting: manages
			? {
					pollsToClose: consultations.filter((item) => item.kind === 'date-poll' && item.closesAt !== null && item.closesAt <= now).length,
					registrationsUnanswered: registrations.reduce((sum, entry) => sum + entry.item.unansweredOrganisations, 0)
				}
			: null
	});
}

export type TodoKind = 'date-poll' | 'consultation' | 'registration' | 'action' | 'meeting';

/** One thing waiting on the signed-in person, one click away. */
export interface TodoItem {
	kind: TodoKind;
	id: string;
	group: { slug: string; name: GroupName };
	/** The forum's, the meeting's or the action's own text. */
	title: BilingualText;
	/** Where to do it, without the language prefix: "/groups/coree/forums/2/poll". */
	path: string;
	/** An instant (polls, registrations, meetings) or a local day (actions), with its zone; null when none. */
	deadline: { at: string; zone: string } | { day: string; zone: string } | null;
	timeLeft: TimeLeft | null;
	overdue: boolean;
	/** For an action: the meeting it was decided at. */
	meetingTitle: BilingualText | null;
}

export interface Todo {
	now: string;
	items: TodoItem[];
	/** How many groups were looked at: none means the account belongs to no group yet. */
	groupCount: number;
}

/** When an item is due, as an instant to sort on: a due day counts until the end of that day in its zone. */
function sortKeyOf(item: TodoItem): string {
	if (!item.deadline) return '9999-12-31T23:59:59.999Z';
	if ('at' in item.deadline) return item.deadline.at;
	return new Date(zonedToUtc(item.deadline.day, '00:00', item.deadline.zone).getTime() + 24 * 3600_000 - 1).toISOString();
}

/**
 * Everything waiting on the signed-in person across the groups they have a role in: date polls and
 * consultations their organisation has not answered, registrations of interest it has not sent
 * before their deadline, open actions owned by them or their organisation, meetings they were
 * invited to and have not answered. Soonest deadline first; items without one last.
 */
export async function getMyTodo(context: ServiceContext, actor: Actor): Promise<Result<Todo, never>> {
	const denied = authorize(actor, 'account.manage');
	if (denied) return denied;
	if (actor.kind !== 'user') return fail('UNAUTHENTICATED');
	const groups = await listGroupsByIds(context.db, Object.keys(actor.groupRoles).filter((groupId) => can(actor, 'group.view', groupId)));
	const groupIds = groups.map((group) => group.id);
	const groupOf = new Map(groups.map((group) => [group.id, { slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } }]));
	const now = context.clock().toISOString();
	const today = localDayOf(context.clock(), GROUP_DEFAULT_ZONE);
	const personId = await repository.findPersonOfUser(context.db, actor.userId);
	const organisation = await answeringOrganisation(context, actor);
	const items: TodoItem[] = [];
	const base = (groupId: string) => groupOf.get(groupId)!;

	for (const { groupId, item } of await loadConsultations(context, groupIds, organisation, now)) {
		// Answered, or closed to answers (its closing time passed; the coordinator has yet to close it).
		if (item.answered !== false || (item.closesAt !== null && item.closesAt <= now)) continue;
		const group = base(groupId);
		items.push({
			kind: item.kind,
			id: item.id,
			group,
			title: item.forumTitle,
			path: `/groups/${group.slug}/forums/${item.forumNumber}/${item.kind === 'date-poll' ? 'poll' : 'consultation'}`,
			deadline: item.closesAt && item.closesTimezone ? { at: item.closesAt, zone: item.closesTimezone } : null,
			timeLeft: item.timeLeft,
			overdue: false,
			meetingTitle: null
		});
	}
	for (const { groupId, item } of await loadRegistrationDeadlines(context, groupIds, organisation, now)) {
		if (item.answered !== false || !item.timeLeft) continue;
		const group = base(groupId);
		items.push({
			kind: 'registration',
			id: item.id,
			group,
			title: item.forumTitle,
			path: `/groups/${group.slug}/forums/${item.forumNumber}/registration`,
			deadline: { at: item.deadlineAt, zone: item.deadlineTimezone },
			timeLeft: item.timeLeft,
			overdue: false,
			meetingTitle: null
		});
	}
	for (const { groupId, action } of await loadOwnActions(context, actor, groupIds, personId, today)) {
		const group = base(groupId);
		items.push({
			kind: 'action',
			id: action.id,
			group,
			title: action.description,
			path: `/groups/${group.slug}/actions`,
			deadline: action.dueOn ? { day: action.dueOn, zone: GROUP_DEFAULT_ZONE } : null,
			timeLeft: null,
			overdue: action.overdue,
			meetingTitle: action.meeting.title
		});
	}
	if (personId) {
		for (const meeting of await repository.listUnansweredInvitations(context.db, groupIds, personId, now)) {
			const group = base(meeting.group_id);
			items.push({
				kind: 'meeting',
				id: meeting.id,
				group,
				title: text(meeting.title_fr, meeting.title_ko),
				path: `/groups/${group.slug}/meetings/${meeting.id}`,
				deadline: { at: meeting.starts_at!, zone: meeting.timezone },
				timeLeft: timeLeft(meeting.starts_at!, now),
				overdue: false,
				meetingTitle: null
			});
		}
	}
	const keyed = items.map((item) => ({ item, key: sortKeyOf(item) }));
	keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.item.kind.localeCompare(b.item.kind) || a.item.id.localeCompare(b.item.id)));
	return ok({ now, items: keyed.map((entry) => entry.item), groupCount: groups.length });
}
