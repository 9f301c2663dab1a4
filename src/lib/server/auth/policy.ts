/**
 * Who may do what: the one place that decides. Every service function asks `authorize` first
 * (ENGINEERING.md rule 5); routes never decide on their own.
 *
 * Roles (PRODUCT.md): an administrator runs the platform and every group; a coordinator runs one
 * group; a member belongs through their organisation's membership of a group; a partner (ministry,
 * embassy) reads and contributes; anybody else is anonymous, or signed in without a role there.
 */

export type GroupRole = 'coordinator' | 'partner' | 'member';

export type Actor =
	| { kind: 'anonymous' }
	| {
			kind: 'user';
			userId: string;
			isAdministrator: boolean;
			/** The account's role in each group it belongs to, by group id. */
			groupRoles: Readonly<Record<string, GroupRole>>;
			/** The organisation the account's person belongs to, if any. */
			organisationId?: string | null;
	  };

export const anonymous: Actor = { kind: 'anonymous' };

/** What an actor is, as far as one group (or the platform) is concerned. */
export type Standing = 'administrator' | GroupRole | 'signed-in' | 'anonymous';

export const STANDINGS: readonly Standing[] = ['administrator', 'coordinator', 'partner', 'member', 'signed-in', 'anonymous'];

/** Every action the policy knows. Group actions need a group id; platform actions do not. */
export const ACTIONS = {
	/** Administrator pages: accounts, invitations, creating groups. */
	'platform.administer': ['administrator'],
	/** The mailbox page: every e-mail in the outbox, including other people's sign-in links. */
	'mailbox.read': ['administrator'],
	/** Invite a person by e-mail. */
	'account.invite': ['administrator'],
	/** One's own account: name, language, password. */
	'account.manage': ['administrator', 'coordinator', 'partner', 'member', 'signed-in'],
	/** Read a group's pages: members, meetings, minutes, forums. */
	'group.view': ['administrator', 'coordinator', 'partner', 'member'],
	/** Answer polls, register, comment, keep one's own organisation current. */
	'group.contribute': ['administrator', 'coordinator', 'partner', 'member'],
	/** Run the group: meetings, minutes, forums, polls, registrations, roles. */
	'group.manage': ['administrator', 'coordinator']
} as const satisfies Record<string, readonly Standing[]>;

export type Action = keyof typeof ACTIONS;

/** The actor's standing in a group (or on the platform when groupId is absent). */
export function standingOf(actor: Actor, groupId?: string): Standing {
	if (actor.kind === 'anonymous') return 'anonymous';
	if (actor.isAdministrator) return 'administrator';
	if (groupId !== undefined) return actor.groupRoles[groupId] ?? 'signed-in';
	return 'signed-in';
}

/** True when the actor may perform the action (in the group, for group actions). */
export function can(actor: Actor, action: Action, groupId?: string): boolean {
	return (ACTIONS[action] as readonly Standing[]).includes(standingOf(actor, groupId));
}

export type Denial = { ok: false; reason: 'UNAUTHENTICATED' | 'FORBIDDEN' };

/**
 * The first line of every service function. Anonymous actors are told to sign in; signed-in
 * actors without the right are forbidden.
 */
export function authorize(actor: Actor, action: Action, groupId?: string): Denial | null {
	if (can(actor, action, groupId)) return null;
	return { ok: false, reason: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

/**
 * Who may change an organisation's record, its people and its partnerships (issue 3 §11):
 * administrators; coordinators of a group the organisation belongs to; members of the
 * organisation itself, in a group where they are members. Partners read only.
 */
export function canEditOrganisation(actor: Actor, organisation: { id: string; groupIds: readonly string[] }): boolean {
	if (actor.kind === 'anonymous') return false;
	if (actor.isAdministrator) return true;
	if (organisation.groupIds.some((groupId) => actor.groupRoles[groupId] === 'coordinator')) return true;
	return actor.organisationId === organisation.id && organisation.groupIds.some((groupId) => actor.groupRoles[groupId] === 'member');
}

export function authorizeOrganisationEdit(actor: Actor, organisation: { id: string; groupIds: readonly string[] }): Denial | null {
	if (canEditOrganisation(actor, organisation)) return null;
	return { ok: false, reason: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

/**
 * A person without an account who opened a personal link sent by e-mail (issue 5 §6): the link
 * stands for them in one forum of one group, for one organisation, until it expires.
 */
export interface LinkGuest {
	kind: 'link-guest';
	personId: string;
	organisationId: string;
	groupId: string;
	forumId: string;
}

/**
 * Who may fill an organisation's registration of interest for a forum (issue 5 §5): administrators
 * and the group's coordinators for any organisation; a member or partner of the group for their own
 * organisation; a link guest for the organisation and forum of their link. The deadline is the
 * service's rule, not the policy's (coordinators may still edit after it).
 */
export function canFillRegistration(actor: Actor | LinkGuest, target: { groupId: string; forumId: string; organisationId: string }): boolean {
	if (actor.kind === 'link-guest') return actor.groupId === target.groupId && actor.forumId === target.forumId && actor.organisationId === target.organisationId;
	if (actor.kind === 'anonymous') return false;
	if (can(actor, 'group.manage', target.groupId)) return true;
	const role = actor.groupRoles[target.groupId];
	return (role === 'member' || role === 'partner') && actor.organisationId === target.organisationId;
}

export function authorizeRegistration(actor: Actor | LinkGuest, target: { groupId: string; forumId: string; organisationId: string }): Denial | null {
	if (canFillRegistration(actor, target)) return null;
	return { ok: false, reason: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

/**
 * Who may answer a forum's date poll or theme consultation for an organisation (issue 5 §3–4): the
 * same people as for its registration of interest (one answer per organisation, given by any of
 * its people, by the group's coordinators, or through a personal link for that organisation).
 */
export function authorizeForumAnswer(actor: Actor | LinkGuest, target: { groupId: string; forumId: string; organisationId: string }): Denial | null {
	return authorizeRegistration(actor, target);
}

/**
 * Who may add a good practice to a group's library (issue 3 §6): administrators and the group's
 * coordinators; its members too, for their own organisation (the service names it on the practice).
 * Partners read only.
 */
export function canCreatePractice(actor: Actor, groupId: string): boolean {
	if (actor.kind === 'anonymous') return false;
	if (actor.isAdministrator || actor.groupRoles[groupId] === 'coordinator') return true;
	return actor.groupRoles[groupId] === 'member' && !!actor.organisationId;
}

/**
 * Who may change a good practice, its links and photos: administrators and the group's
 * coordinators; members whose organisation is among the practice's organisations.
 */
export function canEditPractice(actor: Actor, practice: { groupId: string; organisationIds: readonly string[] }): boolean {
	if (actor.kind === 'anonymous') return false;
	if (actor.isAdministrator || actor.groupRoles[practice.groupId] === 'coordinator') return true;
	return actor.groupRoles[practice.groupId] === 'member' && !!actor.organisationId && practice.organisationIds.includes(actor.organisationId);
}

export function authorizePracticeCreation(actor: Actor, groupId: string): Denial | null {
	if (canCreatePractice(actor, groupId)) return null;
	return { ok: false, reason: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

export function authorizePracticeEdit(actor: Actor, practice: { groupId: string; organisationIds: readonly string[] }): Denial | null {
	if (canEditPractice(actor, practice)) return null;
	return { ok: false, reason: actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN' };
}

/** Strongest first: when an account has several roles in a group, the strongest counts. */
const ROLE_STRENGTH: Record<GroupRole, number> = { coordinator: 3, partner: 2, member: 1 };

export function strongerRole(a: GroupRole | undefined, b: GroupRole): GroupRole {
	return a && ROLE_STRENGTH[a] >= ROLE_STRENGTH[b] ? a : b;
}

/**
 * A delegate who opened their personal programme link (issue 6 §5): it stands for them in one
 * forum, to read their programme and answer for their own visits and offers.
 */
export interface ProgrammeGuest {
	kind: 'programme-guest';
	personId: string;
	groupId: string;
	forumId: string;
}

/**
 * Who may read a delegate's personal programme and act on it (withdraw, accept or decline an
 * offered place; issue 6 §5–6): the delegate themself, signed in as their person (a member or
 * partner of the group) or through their programme link; the group's coordinators and
 * administrators, for anyone. `actorPersonId` is the person the signed-in account speaks for.
 */
export function authorizePersonalProgramme(
	actor: Actor | ProgrammeGuest,
	target: { groupId: string; forumId: string; personId: string },
	actorPersonId: string | null
): Denial | null {
	if (actor.kind === 'programme-guest') {
		return actor.groupId === target.groupId && actor.forumId === target.forumId && actor.personId === target.personId ? null : { ok: false, reason: 'FORBIDDEN' };
	}
	if (can(actor, 'group.manage', target.groupId)) return null;
	const denied = authorize(actor, 'group.view', target.groupId);
	if (denied) return denied;
	return actorPersonId === target.personId ? null : { ok: false, reason: 'FORBIDDEN' };
}
