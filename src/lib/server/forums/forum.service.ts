/**
 * Forum editions of a group and their programme (issue 5 §1–2): the yearly bilateral forum, its
 * hosts, places, dates in the host's zone, status, and a multi-day programme.
 */
import { authorize, can, type Actor } from '../auth/policy';
import { findGroupBySlug } from '../directory/directory.repository';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './forum.repository';
import type { ForumStatus } from './forum.table';

export interface ForumGroup {
	id: string;
	slug: string;
	name: { fr: string; ko: string; en: string };
	/** ISO 3166-1 alpha-2 of the group's partner country ('KR' for the Korea group). */
	country: string;
}

export interface ForumSummary {
	id: string;
	groupId: string;
	number: number;
	title: { fr: string; ko: string };
	theme: { fr: string; ko: string };
	hostCountry: string;
	hostTimezone: string;
	/** Local dates (YYYY-MM-DD) in hostTimezone, null until chosen. */
	startsOn: string | null;
	endsOn: string | null;
	status: ForumStatus;
}

export function rowToForumSummary(row: repository.ForumRow): ForumSummary {
	return {
		id: row.id,
		groupId: row.group_id,
		number: Number(row.number),
		title: { fr: row.title_fr, ko: row.title_ko },
		theme: { fr: row.theme_fr, ko: row.theme_ko },
		hostCountry: row.host_country,
		hostTimezone: row.host_timezone,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		status: row.status
	};
}

/** The group by slug when the actor may do `action` there. */
export async function loadForumGroup(context: ServiceContext, actor: Actor, groupSlug: string, action: 'group.view' | 'group.manage'): Promise<Result<ForumGroup, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, action, group.id);
	if (denied) return denied;
	return ok({ id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en }, country: group.country_code });
}

/** Parses "2" from a URL; anything else is no forum number. */
export function parseForumNumber(text: string): number | null {
	return /^[1-9]\d{0,4}$/.test(text) ? Number(text) : null;
}

export interface ForumOfGroup {
	group: ForumGroup;
	forum: ForumSummary;
	/** The actor runs the group: may edit the forum, its programme, polls and registrations. */
	canManageForum: boolean;
}

/**
 * A group's forum by its number, for anyone who may view the group (the layout of every forum
 * page). Unknown group or number: NOT_FOUND.
 */
export async function getForumOfGroup(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string): Promise<Result<ForumOfGroup, 'NOT_FOUND'>> {
	const group = await loadForumGroup(context, actor, groupSlug, 'group.view');
	if (!group.ok) return group;
	const number = parseForumNumber(numberText);
	const row = number === null ? undefined : await repository.findForumByNumber(context.db, group.value.id, number);
	if (!row) return fail('NOT_FOUND');
	return ok({ group: group.value, forum: rowToForumSummary(row), canManageForum: can(actor, 'group.manage', group.value.id) });
}
