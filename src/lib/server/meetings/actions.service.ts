/**
 * The group's "decisions and actions" page (issue 4 §3): every decision of published minutes and
 * every action item, followed from meeting to meeting; overdue open actions first and marked.
 */
import { authorize, can, type Actor } from '../auth/policy';
import { findGroupBySlug } from '../directory/directory.repository';
import type { ServiceContext } from '../shared/context';
import { isId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import type { ActionStatus } from './meeting.table';
import { localDayOf, resolveActionOwners, writeVersion, type BilingualText } from './minutes-content';
import * as repository from './minutes.repository';
import type { ActionFilter, ActionStatusInput } from './minutes.schema';
import type { GroupSummary } from './minutes.service';

/**
 * The zone whose calendar says whether an action is overdue: the group's default zone (issue 4 §1),
 * Europe/Paris, where the coordinators work.
 */
export const GROUP_DEFAULT_ZONE = 'Europe/Paris';

export interface MeetingReference {
	id: string;
	title: BilingualText;
	startsAt: string | null;
	timezone: string;
	originalLanguage: 'fr' | 'ko';
}

export interface GroupDecision {
	id: string;
	text: BilingualText;
	meeting: MeetingReference;
}

export interface GroupAction {
	id: string;
	description: BilingualText;
	meeting: MeetingReference;
	owner: { kind: 'person' | 'organisation'; name: BilingualText } | null;
	dueOn: string | null;
	status: ActionStatus;
	/** Open, with a due date before today in the group's zone. */
	overdue: boolean;
}

export interface GroupActions {
	group: GroupSummary;
	/** Today in the group's zone (YYYY-MM-DD), against which "overdue" is decided. */
	today: string;
	filter: ActionFilter;
	decisions: GroupDecision[];
	actions: GroupAction[];
	canManage: boolean;
}

const STATUSES_OF: Record<ActionFilter, readonly ActionStatus[]> = {
	open: ['open'],
	done: ['done'],
	all: ['open', 'done', 'cancelled']
};

/** True when an action is open and was due before `today` (both local dates YYYY-MM-DD). */
export function isOverdue(action: { status: ActionStatus; dueOn: string | null }, today: string): boolean {
	return action.status === 'open' && action.dueOn !== null && action.dueOn < today;
}

/**
 * Decisions (newest meeting first) and actions filtered by status, overdue ones first. Members and
 * partners see those of published minutes; coordinators also those of drafts.
 */
export async function getGroupActions(context: ServiceContext, actor: Actor, groupSlug: string, filter: ActionFilter): Promise<Result<GroupActions, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const canManage = can(actor, 'group.manage', group.id);
	const today = localDayOf(context.clock(), GROUP_DEFAULT_ZONE);
	const rows = await repository.listGroupActionItems(context.db, group.id, canManage, STATUSES_OF[filter]);
	const ownerOf = await resolveActionOwners(context.db, rows);
	const actions = rows.map((row) => {
		const owner = ownerOf(row);
		return {
			id: row.id,
			description: { fr: row.description_fr, ko: row.description_ko },
			meeting: { id: row.meeting_id, title: { fr: row.meeting_title_fr, ko: row.meeting_title_ko }, startsAt: row.meeting_starts_at, timezone: row.meeting_timezone, originalLanguage: row.meeting_original_language },
			owner: owner ? { kind: owner.kind, name: owner.name } : null,
			dueOn: row.due_on,
			status: row.status,
			overdue: isOverdue({ status: row.status, dueOn: row.due_on }, today)
		};
	});
	// Overdue first (the oldest due first), then the others in due-date order, as the query gave them.
	const ordered = [...actions.filter((action) => action.overdue), ...actions.filter((action) => !action.overdue)];
	const decisions = (await repository.listGroupDecisions(context.db, group.id)).map((row) => ({
		id: row.id,
		text: { fr: row.text_fr, ko: row.text_ko },
		meeting: { id: row.meeting_id, title: { fr: row.meeting_title_fr, ko: row.meeting_title_ko }, startsAt: row.meeting_starts_at, timezone: row.meeting_timezone, originalLanguage: row.meeting_original_language }
	}));
	return ok({
		group: { id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } },
		today,
		filter,
		decisions,
		actions: ordered,
		canManage
	});
}

/**
 * Changes an action's status (coordinators and administrators). On published minutes the change is
 * kept as a new version of them, like any other change.
 */
export async function setActionStatus(context: ServiceContext, actor: Actor, groupSlug: string, input: ActionStatusInput): Promise<Result<null, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	const action = isId(input.actionId) ? await repository.findActionItem(context.db, input.actionId) : undefined;
	if (!action || action.group_id !== group.id) return fail('NOT_FOUND');
	const meeting = await repository.findMeetingInGroup(context.db, group.id, action.meeting_id);
	if (!meeting) return fail('NOT_FOUND');
	if (action.status === input.status) return ok(null);
	const now = context.clock();
	await context.db.transaction().execute(async (transaction) => {
		await repository.updateActionItem(transaction, action.id, { status: input.status, updated_at: now.toISOString() });
		if (meeting.status === 'published') await writeVersion(transaction, meeting, actor, now);
	});
	return ok(null);
}
