import { describe, expect, it } from 'vitest';
import { ACTIONS, anonymous, authorize, can, canEditOrganisation, type Action, type Actor, type GroupRole } from './policy';

const GROUP = 'group-coree';
const OTHER_GROUP = 'group-japon';

function user(role: GroupRole | null, isAdministrator = false): Actor {
	return { kind: 'user', userId: 'u', isAdministrator, groupRoles: role ? { [GROUP]: role } : {} };
}

const ACTORS: Record<string, Actor> = {
	administrator: user(null, true),
	coordinator: user('coordinator'),
	partner: user('partner'),
	member: user('member'),
	'signed-in': user(null),
	anonymous
};

/** The whole policy, written out: role × action → allowed. A change to policy.ts must change this. */
const EXPECTED: Record<Action, string[]> = {
	'platform.administer': ['administrator'],
	'mailbox.read': ['administrator'],
	'account.invite': ['administrator'],
	'account.manage': ['administrator', 'coordinator', 'partner', 'member', 'signed-in'],
	'group.view': ['administrator', 'coordinator', 'partner', 'member'],
	'group.contribute': ['administrator', 'coordinator', 'partner', 'member'],
	'group.manage': ['administrator', 'coordinator']
};

describe('policy: role × action', () => {
	it('knows exactly the actions of the table', () => {
		expect(Object.keys(ACTIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
	});
	for (const [action, allowed] of Object.entries(EXPECTED) as [Action, string[]][]) {
		for (const [standing, actor] of Object.entries(ACTORS)) {
			const expected = allowed.includes(standing);
			it(`${standing} ${expected ? 'may' : 'may not'} ${action}`, () => {
				expect(can(actor, action, GROUP)).toBe(expected);
			});
		}
	}
});

describe('policy: groups are sealed from each other', () => {
	it('a member or coordinator of one group may do nothing in another', () => {
		for (const role of ['member', 'partner', 'coordinator'] as const) {
			for (const action of ['group.view', 'group.contribute', 'group.manage'] as const) {
				expect(can(user(role), action, OTHER_GROUP)).toBe(false);
			}
		}
	});
	it('an administrator may act in every group', () => {
		expect(can(ACTORS.administrator, 'group.manage', OTHER_GROUP)).toBe(true);
	});
	it('tells anonymous visitors to sign in and others that they are forbidden', () => {
		expect(authorize(anonymous, 'group.view', GROUP)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(authorize(user('member'), 'group.manage', GROUP)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(authorize(user('member'), 'group.view', GROUP)).toBeNull();
	});
});

describe('policy: who keeps an organisation current', () => {
	const organisation = { id: 'org-issy', groupIds: [GROUP] };
	const withOrganisation = (role: GroupRole | null, organisationId: string | null): Actor => ({
		kind: 'user',
		userId: 'u',
		isAdministrator: false,
		groupRoles: role ? { [GROUP]: role } : {},
		organisationId
	});
	it('administrators and the group’s coordinators edit any organisation of the group', () => {
		expect(canEditOrganisation(ACTORS.administrator, organisation)).toBe(true);
		expect(canEditOrganisation(withOrganisation('coordinator', 'org-garok'), organisation)).toBe(true);
		expect(canEditOrganisation(withOrganisation('coordinator', null), { id: 'org-x', groupIds: [OTHER_GROUP] })).toBe(false);
	});
	it('members edit their own organisation only; partners and strangers read', () => {
		expect(canEditOrganisation(withOrganisation('member', 'org-issy'), organisation)).toBe(true);
		expect(canEditOrganisation(withOrganisation('member', 'org-nantes'), organisation)).toBe(false);
		expect(canEditOrganisation(withOrganisation('partner', 'org-issy'), organisation)).toBe(false);
		expect(canEditOrganisation(withOrganisation(null, 'org-issy'), organisation)).toBe(false);
		expect(canEditOrganisation(anonymous, organisation)).toBe(false);
	});
});
