/**
 * What the date poll and the theme consultation share: finding the forum (group by slug, then the
 * actor's right there, then the forum by number), and who answers for which organisation.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorizeForumAnswer, can, type Actor, type LinkGuest } from '../auth/policy';
import { findGroupBySlug } from '../directory/directory.repository';
import type { Executor } from '../db/database';
import { findForumByNumber, type ForumRow } from '../forums/forum.repository';
import { loadForumGroup, parseForumNumber, type ForumGroup } from '../forums/forum.service';
import { findPersonIdOfUser } from '../meetings/meeting.repository';
import type { ServiceContext } from '../shared/context';
import { fail, ok } from '../shared/result';
import { listRespondentOrganisations } from './poll.repository';

/** Who reads and answers: a signed-in account, or a person through a personal link (issue 5 §6). */
export type Respondent = Actor | LinkGuest;

/** Those who run the group (never a personal link). */
export function canManageGroup(who: Respondent, groupId: string): boolean {
	return who.kind === 'user' && can(who, 'group.manage', groupId);
}

export async function loadForum(context: ServiceContext, actor: Respondent, groupSlug: string, forumNumber: string, action: 'group.view' | 'group.manage') {
	if (actor.kind === 'link-guest') return loadForumOfLink(context, actor, groupSlug, forumNumber, action);
	const group = await loadForumGroup(context, actor, groupSlug, action);
	if (!group.ok) return group;
	const number = parseForumNumber(forumNumber);
	const forum = number === null ? undefined : await findForumByNumber(context.db, group.value.id, number);
	if (!forum) return fail('NOT_FOUND');
	return ok<{ group: ForumGroup; forum: ForumRow }>({ group: group.value, forum });
}

/**
 * A personal link opens its own forum, to read its poll and consultation and answer them for its
 * organisation (authorizeForumAnswer), never to run them, nor any other forum.
 */
async function loadForumOfLink(context: ServiceContext, guest: LinkGuest, groupSlug: string, forumNumber: string, action: 'group.view' | 'group.manage') {
	const group = await findGroupBySlug(context.db, groupSlug);
	const number = parseForumNumber(forumNumber);
	const forum = group && number !== null ? await findForumByNumber(context.db, group.id, number) : undefined;
	if (!group || !forum) return fail('NOT_FOUND');
	if (action !== 'group.view' || group.id !== guest.groupId || forum.id !== guest.forumId) return { ok: false as const, reason: 'FORBIDDEN' as const };
	return ok<{ group: ForumGroup; forum: ForumRow }>({ group: { id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en }, country: group.country_code }, forum });
}

export interface RespondentOrganisation {
	id: string;
	name: { fr: string; ko: string | null; en: string | null };
}

export async function respondentOrganisations(db: Executor, groupId: string): Promise<RespondentOrganisation[]> {
	return (await listRespondentOrganisations(db, groupId)).map((row) => ({ id: row.id, name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en } }));
}

/**
 * The organisation an answer is for: the one the form names (coordinators answer for any, e.g. from
 * an e-mail they received), else the actor's own. It must be one of the group's answering members,
 * and the policy must let the actor answer for it.
 */
export async function answeringOrganisation(db: Executor, actor: Respondent, group: ForumGroup, forum: ForumRow, named: string) {
	const organisationId = named || (actor.kind === 'anonymous' ? '' : (actor.organisationId ?? ''));
	const organisations = await respondentOrganisations(db, group.id);
	const organisation = organisations.find((candidate) => candidate.id === organisationId);
	// Those who run the group choose the organisation on the form: none chosen is that field's error.
	if (!organisation) return canManageGroup(actor, group.id) ? fail('INVALID_FIELD', 'organisationId') : fail('NOT_RESPONDENT');
	const denied = authorizeForumAnswer(actor, { groupId: group.id, forumId: forum.id, organisationId: organisation.id });
	if (denied) return denied;
	return ok(organisation);
}

/**
 * The forum, the organisation an answer is for and who gives it: the common start of answering a
 * poll or a consultation (the group's viewers, then the policy for that organisation).
 */
export async function loadAnswer(context: ServiceContext, actor: Respondent, groupSlug: string, forumNumber: string, organisationId: string) {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.view');
	if (!found.ok) return found;
	const organisation = await answeringOrganisation(context.db, actor, found.value.group, found.value.forum, organisationId);
	if (!organisation.ok) return organisation;
	return ok({ ...found.value, organisation: organisation.value, answeredBy: await answerer(context.db, actor) });
}

/** The account and the person who gave an answer (recorded with it). */
async function answerer(db: Executor, actor: Respondent): Promise<{ userId: string | null; personId: string | null }> {
	if (actor.kind === 'link-guest') return { userId: null, personId: actor.personId };
	if (actor.kind !== 'user') return { userId: null, personId: null };
	return { userId: actor.userId, personId: await findPersonIdOfUser(db, actor.userId) };
}

/** The organisation the actor answers for by default (their own, when it answers), or null. */
export function ownRespondent(actor: Respondent, organisations: RespondentOrganisation[]): string | null {
	const own = actor.kind === 'anonymous' ? null : actor.organisationId;
	return own && organisations.some((organisation) => organisation.id === own) ? own : null;
}

/** A forum's title in a language, else in the other one. */
export function forumTitleIn(forum: Pick<ForumRow, 'title_fr' | 'title_ko'>, locale: Locale): string {
	return locale === 'ko' ? forum.title_ko || forum.title_fr : forum.title_fr || forum.title_ko;
}
