import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { assignVisits } from '../assignment/visit-assignment';
import { brokenAssignmentRules, scoreAssignments } from '../assignment/assignment-rules';
import type { VisitAssignmentInstance } from '../assignment/visit-assignment.types';
import { generateInstance } from '../assignment/instance-generator';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { DEMO_FIELD_VISITS, demoProgrammeItemId } from '../db/demo-data/forums.demo';
import { insertForum } from '../forums/forum.repository';
import { newId } from '../shared/identifier';
import { expandPreferences, groupIntoSlots } from './consolidation-instance';
import { placementInputSchema } from './consolidation.schema';
import { computeAssignment, getConsolidation, getForumInstance, placeDelegate, removeLock } from './consolidation.service';
import { applyOptionalRules, NO_OPTIONAL_RULES } from './optional-rules';

describe('building the instance', () => {
	it('groups overlapping visits into one slot; a visit starting when another ends is another slot', () => {
		const { slots, slotOf } = groupIntoSlots([
			{ id: 'c', startsAt: '2024-09-26T05:00:00.000Z', endsAt: '2024-09-26T08:00:00.000Z' },
			{ id: 'a', startsAt: '2024-09-26T00:00:00.000Z', endsAt: '2024-09-26T03:00:00.000Z' },
			{ id: 'b', startsAt: '2024-09-26T02:00:00.000Z', endsAt: '2024-09-26T05:00:00.000Z' },
			{ id: 'd', startsAt: '2024-09-27T00:00:00.000Z', endsAt: '2024-09-27T03:00:00.000Z' }
		]);
		expect(slots).toEqual([
			{ id: 'slot-1', startsAt: '2024-09-26T00:00:00.000Z', endsAt: '2024-09-26T05:00:00.000Z' },
			{ id: 'slot-2', startsAt: '2024-09-26T05:00:00.000Z', endsAt: '2024-09-26T08:00:00.000Z' },
			{ id: 'slot-3', startsAt: '2024-09-27T00:00:00.000Z', endsAt: '2024-09-27T03:00:00.000Z' }
		]);
		expect(Object.fromEntries(slotOf)).toEqual({ a: 'slot-1', b: 'slot-1', c: 'slot-2', d: 'slot-3' });
	});

	it('expands a ranked theme into its visits in programme order, each taking the next position, without repeating a visit', () => {
		const visits = [
			{ id: 'v1', themes: ['climate'] },
			{ id: 'v2', themes: ['ai'] },
			{ id: 'v3', themes: ['climate', 'ai'] }
		];
		expect(expandPreferences([{ themeKey: 'climate', visitId: null }, { themeKey: null, visitId: 'v2' }, { themeKey: 'ai', visitId: null }], visits)).toEqual(['v1', 'v3', 'v2']);
		expect(expandPreferences([{ themeKey: null, visitId: 'unknown' }, { themeKey: 'none', visitId: null }, { themeKey: null, visitId: 'v3' }], visits)).toEqual(['v3']);
	});
});

describe('optional rules', () => {
	/** Two slots; ids interleave A and B, so the solver's tie-break splits both delegations; a lock fills the afternoon. */
	const instance: VisitAssignmentInstance = {
		visits: [
			{ id: 'x', slot: 'am', capacity: 2 },
			{ id: 'y', slot: 'am', capacity: 2 },
			{ id: 'z', slot: 'pm', capacity: 1 }
		],
		delegates: [
			{ id: 'd1', organisation: 'A', preferences: ['x', 'y', 'z'] },
			{ id: 'd2', organisation: 'B', preferences: ['x', 'y'] },
			{ id: 'd3', organisation: 'A', preferences: ['x', 'y'] },
			{ id: 'd4', organisation: 'B', preferences: ['x', 'y'] },
			{ id: 'd5', organisation: 'C', preferences: ['z'] }
		],
		locked: [{ delegate: 'd5', visit: 'z' }]
	};
	const solved = assignVisits(instance);
	if (!solved.ok) throw new Error('instance invalid');
	const optimum = { filled: solved.result.filled, rankSum: solved.result.rankSum };
	const all = { keepDelegationsTogether: true, firstChoicePerOrganisation: true, balanceFill: true };

	for (const options of [NO_OPTIONAL_RULES, { ...NO_OPTIONAL_RULES, keepDelegationsTogether: true }, { ...NO_OPTIONAL_RULES, firstChoicePerOrganisation: true }, { ...NO_OPTIONAL_RULES, balanceFill: true }, all]) {
		it(`keeps the optimum, the locks, the capacities and ranked visits only (${JSON.stringify(options)})`, () => {
			const placed = applyOptionalRules(instance, solved.result.assignments, options);
			expect(brokenAssignmentRules(instance, { assignments: placed })).toEqual([]);
			expect(scoreAssignments(instance, placed)).toEqual(optimum);
			expect(applyOptionalRules(instance, solved.result.assignments, options)).toEqual(placed);
		});
	}

	it('puts the members of a delegation together when it costs nothing', () => {
		const together = (placed: { delegate: string; visit: string }[], members: string[]) => new Set(placed.filter((placement) => members.includes(placement.delegate)).map((placement) => placement.visit)).size === 1;
		const placed = applyOptionalRules(instance, solved.result.assignments, { ...NO_OPTIONAL_RULES, keepDelegationsTogether: true });
		expect(together(solved.result.assignments, ['d1', 'd3']) || together(solved.result.assignments, ['d2', 'd4'])).toBe(false);
		expect(together(placed, ['d1', 'd3']) && together(placed, ['d2', 'd4'])).toBe(true);
		expect(placed.find((placement) => placement.delegate === 'd5')).toEqual({ delegate: 'd5', visit: 'z', rank: 1, locked: true });
	});

	it('property: on generated instances with locks, every combination of rules keeps the optimum, the locks, the places and ranked visits only, deterministically', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), fc.boolean(), fc.boolean(), (seed, keepDelegationsTogether, firstChoicePerOrganisation, balanceFill) => {
				const generated = generateInstance({ delegates: 24, visits: 6, slots: 2, rankedPerSlot: 2, capacityRatio: 0.8, lockedShare: 0.1, seed });
				const result = assignVisits(generated);
				if (!result.ok) return;
				const options = { keepDelegationsTogether, firstChoicePerOrganisation, balanceFill };
				const placed = applyOptionalRules(generated, result.result.assignments, options);
				expect(brokenAssignmentRules(generated, { assignments: placed })).toEqual([]);
				expect(scoreAssignments(generated, placed)).toEqual({ filled: result.result.filled, rankSum: result.result.rankSum });
				expect(applyOptionalRules(generated, result.result.assignments, options)).toEqual(placed);
			}),
			{ numRuns: 60 }
		);
	});

	it('keeps the optimum on a larger instance too, where the search stops after its fixed amount of work, and gives the same output twice', () => {
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const visits = Array.from({ length: 12 }, (_, index) => ({ id: `v${index}`, slot: `s${index % 2}`, capacity: 12 }));
		const large: VisitAssignmentInstance = {
			visits,
			delegates: Array.from({ length: 200 }, (_, index) => ({
				id: `d${String(index).padStart(3, '0')}`,
				organisation: `o${index % 30}`,
				preferences: visits.map((visit) => ({ visit: visit.id, key: random() })).sort((a, b) => a.key - b.key).slice(0, 4).map((entry) => entry.visit)
			}))
		};
		const result = assignVisits(large);
		if (!result.ok) throw new Error('invalid');
		const placed = applyOptionalRules(large, result.result.assignments, all);
		expect(brokenAssignmentRules(large, { assignments: placed })).toEqual([]);
		expect(scoreAssignments(large, placed)).toEqual({ filled: result.result.filled, rankSum: result.result.rankSum });
		expect(applyOptionalRules(large, result.result.assignments, all)).toEqual(placed);
	});

	it('balances fill along a chain of moves at no cost', () => {
		const chain: VisitAssignmentInstance = {
			visits: [
				{ id: 'p', slot: 's', capacity: 4 },
				{ id: 'q', slot: 's', capacity: 4 }
			],
			delegates: [
				{ id: 'd1', organisation: 'O', preferences: ['p', 'q'] },
				{ id: 'd2', organisation: 'O', preferences: ['p', 'q'] },
				{ id: 'd3', organisation: 'O', preferences: ['q', 'p'] }
			]
		};
		const result = assignVisits(chain);
		if (!result.ok) throw new Error('invalid');
		// Already as balanced as it can be at the optimum (rank sum 3): nothing moves.
		expect(applyOptionalRules(chain, result.result.assignments, { ...NO_OPTIONAL_RULES, balanceFill: true }).map((placement) => placement.visit).sort()).toEqual(['p', 'p', 'q']);
	});
});

describeEachDatabase('programme consolidation', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const visit = (position: number) => demoProgrammeItemId(2, position);
	const [AI, ECONOMY, CULTURE, CLIMATE] = DEMO_FIELD_VISITS.map((item) => visit(item.position));
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const placement = (personId: string, visitId: string, reason = '') => placementInputSchema.parse({ personId, visitId, reason });

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		for (const person of await setup.context.db.selectFrom('person').select(['id', 'family_name', 'given_name']).execute()) ids[`${person.given_name} ${person.family_name}`] = person.id;
		setup.context.clock.set('2024-04-01T08:00:00.000Z');
	});

	it('reads the demo forum: four visits of 15 places in two half-day slots, the delegates of yes and maybe answers', async () => {
		const instance = await getForumInstance(setup.context, actors.coordinator, 'coree', 2);
		if (!instance.ok) throw new Error(instance.reason);
		expect(instance.value.visits).toEqual([
			{ id: AI, slot: 'slot-1', capacity: 15 },
			{ id: ECONOMY, slot: 'slot-1', capacity: 15 },
			{ id: CULTURE, slot: 'slot-2', capacity: 15 },
			{ id: CLIMATE, slot: 'slot-2', capacity: 15 }
		]);
		expect(instance.value.delegates).toHaveLength(11);
		expect(instance.value.delegates.find((delegate) => delegate.id === ids['Caroline MILLAN'])?.preferences).toEqual([AI, CULTURE, ECONOMY, CLIMATE]);
		expect(instance.value.locked).toEqual([]);
	});

	it('expands a ranked theme stored in a registration into its visits in programme order', async () => {
		const { db } = setup.context;
		const jiae = ids['Jiae YANG'];
		const delegate = await db.selectFrom('registration_delegate').select('id').where('person_id', '=', jiae).executeTakeFirstOrThrow();
		// Her first choice becomes the culture theme, which the (morning) economy visit now also has.
		await db.updateTable('registration_preference').set({ theme_key: 'culture-tourism-gastronomy', programme_item_id: null }).where('delegate_id', '=', delegate.id).where('rank', '=', 1).execute();
		await db.insertInto('programme_item_theme').values({ programme_item_id: ECONOMY, theme_key: 'culture-tourism-gastronomy' }).execute();
		try {
			const instance = await getForumInstance(setup.context, actors.coordinator, 'coree', 2);
			if (!instance.ok) throw new Error(instance.reason);
			// Theme → economy (09:00) then culture (14:00); AI next; economy, her 3rd choice, is not repeated.
			expect(instance.value.delegates.find((entry) => entry.id === jiae)?.preferences).toEqual([ECONOMY, CULTURE, AI, CLIMATE]);
		} finally {
			await db.deleteFrom('programme_item_theme').where('programme_item_id', '=', ECONOMY).where('theme_key', '=', 'culture-tourism-gastronomy').execute();
			await db.updateTable('registration_preference').set({ theme_key: null, programme_item_id: CULTURE }).where('delegate_id', '=', delegate.id).where('rank', '=', 1).execute();
		}
	});

	it('refuses members, anonymous visitors and coordinators of other groups; an unknown forum is not found', async () => {
		expect(await getConsolidation(setup.context, actors.member, 'coree', 2)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		expect(await computeAssignment(setup.context, actors.member, 'coree', 2, NO_OPTIONAL_RULES)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		expect(await computeAssignment(setup.context, anonymous, 'coree', 2, NO_OPTIONAL_RULES)).toMatchObject({ ok: false, reason: 'UNAUTHENTICATED' });
		const elsewhere: Actor = { kind: 'user', userId: newId(), isAdministrator: false, groupRoles: { [newId()]: 'coordinator' } };
		expect(await placeDelegate(setup.context, elsewhere, 'coree', 2, placement(ids['Caroline MILLAN'], AI), { source: 'move', confirm: true })).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		expect(await getConsolidation(setup.context, actors.coordinator, 'coree', 99)).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
		expect(await setup.context.db.selectFrom('visit_assignment').selectAll().execute()).toEqual([]);
	});

	it('computes and stores the optimal assignment, the same as assignVisits on the same instance', async () => {
		const instance = await getForumInstance(setup.context, actors.coordinator, 'coree', 2);
		if (!instance.ok) throw new Error(instance.reason);
		const expected = assignVisits(instance.value);
		if (!expected.ok) throw new Error('invalid demo instance');
		const computed = await computeAssignment(setup.context, actors.coordinator, 'coree', 2, NO_OPTIONAL_RULES);
		expect(computed).toEqual({ ok: true, value: { filled: expected.result.filled, rankSum: expected.result.rankSum } });
		const rows = await setup.context.db.selectFrom('visit_assignment').select(['person_id', 'programme_item_id', 'rank', 'source', 'locked']).orderBy('person_id').orderBy('programme_item_id').execute();
		expect(rows.map((row) => ({ delegate: row.person_id, visit: row.programme_item_id, rank: Number(row.rank) }))).toEqual(
			expected.result.assignments.map((assignment) => ({ delegate: assignment.delegate, visit: assignment.visit, rank: assignment.rank })).sort((a, b) => (a.delegate + a.visit < b.delegate + b.visit ? -1 : 1))
		);
		expect(new Set(rows.map((row) => row.source))).toEqual(new Set(['computed']));
		const page = await getConsolidation(setup.context, actors.coordinator, 'coree', 2);
		if (!page.ok) throw new Error(page.reason);
		expect(page.value.totals).toEqual({ filled: expected.result.filled, rankSum: expected.result.rankSum });
		expect(page.value.run).toMatchObject({ computedAt: '2024-04-01T08:00:00.000Z', publishedAt: null });
		expect(page.value.deadlinePassed).toBe(true);
		expect(page.value.visits.reduce((sum, item) => sum + item.filled, 0)).toBe(expected.result.filled);
	});

	it('moves a delegate by hand after a preview of the totals, keeps the move as a lock through a new computation, and removes it', async () => {
		const caroline = ids['Caroline MILLAN'];
		const before = await getConsolidation(setup.context, actors.coordinator, 'coree', 2);
		if (!before.ok) throw new Error(before.reason);
		expect(before.value.delegates.find((delegate) => delegate.personId === caroline)?.placements['slot-1']).toMatchObject({ visit: AI, rank: 1 });
		const preview = await placeDelegate(setup.context, actors.coordinator, 'coree', 2, placement(caroline, ECONOMY), { source: 'move', confirm: false });
		expect(preview).toEqual({ ok: true, value: { before: before.value.totals, after: { filled: before.value.totals.filled, rankSum: before.value.totals.rankSum + 2 }, leaves: AI, rank: 3, visit: expect.objectContaining({ capacity: 15 }) } });
		expect(await setup.context.db.selectFrom('visit_assignment').selectAll().where('locked', '=', 1).execute()).toEqual([]);
		expect(await placeDelegate(setup.context, actors.coordinator, 'coree', 2, placement(caroline, ECONOMY, 'Rencontre avec Seocho'), { source: 'move', confirm: true })).toMatchObject({ ok: true });
		await computeAssignment(setup.context, actors.coordinator, 'coree', 2, NO_OPTIONAL_RULES);
		const after = await getConsolidation(setup.context, actors.coordinator, 'coree', 2);
		if (!after.ok) throw new Error(after.reason);
		const row = after.value.delegates.find((delegate) => delegate.personId === caroline)!;
		expect(row.placements['slot-1']).toMatchObject({ visit: ECONOMY, rank: 3, locked: true, source: 'move', reason: 'Rencontre avec Seocho' });
		expect(row.missed).toEqual([{ visit: AI, slot: 'slot-1', rank: 1, reason: 'locked-into-another-visit', lockedVisit: ECONOMY }]);
		expect(after.value.locks).toEqual([{ personId: caroline, visitId: ECONOMY, reason: 'Rencontre avec Seocho', source: 'move' }]);
		expect(after.value.totals.rankSum).toBe(before.value.totals.rankSum + 2);
		expect(await removeLock(setup.context, actors.coordinator, 'coree', 2, { personId: caroline, visitId: ECONOMY })).toMatchObject({ ok: true, value: { filled: before.value.totals.filled - 1 } });
		expect(await removeLock(setup.context, actors.coordinator, 'coree', 2, { personId: caroline, visitId: ECONOMY })).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
	});

	it('refuses a move or a lock onto a full visit, and explains who missed a full visit', async () => {
		await setup.context.db.updateTable('programme_item').set({ capacity: 2 }).where('id', '=', AI).execute();
		const computed = await computeAssignment(setup.context, actors.coordinator, 'coree', 2, NO_OPTIONAL_RULES);
		expect(computed).toMatchObject({ ok: true });
		const joonHo = ids['Joon Ho HONG'];
		expect(await placeDelegate(setup.context, actors.coordinator, 'coree', 2, placement(joonHo, AI), { source: 'move', confirm: true })).toEqual({ ok: false, reason: 'VISIT_FULL', filled: 2, capacity: 2 });
		expect(await placeDelegate(setup.context, actors.coordinator, 'coree', 2, placement(joonHo, AI, 'Interprète'), { source: 'lock', confirm: true })).toMatchObject({ ok: false, reason: 'VISIT_FULL' });
		const page = await getConsolidation(setup.context, actors.coordinator, 'coree', 2);
		if (!page.ok) throw new Error(page.reason);
		expect(page.value.visits.find((item) => item.id === AI)).toMatchObject({ filled: 2, capacity: 2 });
		const missedAi = page.value.delegates.filter((delegate) => delegate.missed.some((missed) => missed.visit === AI));
		expect(missedAi.length).toBeGreaterThan(0);
		for (const delegate of missedAi) expect(delegate.missed.find((missed) => missed.visit === AI)).toMatchObject({ reason: 'full', filled: 2, capacity: 2 });
		await setup.context.db.updateTable('programme_item').set({ capacity: 15 }).where('id', '=', AI).execute();
	});

	it('keeps a lock decided beforehand (on a visit not ranked) and counts it in the visit fill', async () => {
		const francois = ids['François COLLART'];
		expect(await placeDelegate(setup.context, actors.coordinator, 'coree', 2, placement(francois, AI, 'Chef de délégation : réunion institutionnelle'), { source: 'lock', confirm: true })).toMatchObject({ ok: true, value: { rank: null } });
		const instance = await getForumInstance(setup.context, actors.coordinator, 'coree', 2);
		if (!instance.ok) throw new Error(instance.reason);
		expect(instance.value.locked).toEqual([{ delegate: francois, visit: AI }]);
		const expected = assignVisits(instance.value);
		if (!expected.ok) throw new Error('invalid');
		expect(await computeAssignment(setup.context, actors.coordinator, 'coree', 2, { keepDelegationsTogether: true, firstChoicePerOrganisation: true, balanceFill: true })).toEqual({
			ok: true,
			value: { filled: expected.result.filled, rankSum: expected.result.rankSum }
		});
		const rows = await setup.context.db.selectFrom('visit_assignment').selectAll().where('person_id', '=', francois).execute();
		expect(rows.map((row) => ({ visit: row.programme_item_id, locked: Number(row.locked), source: row.source, rank: row.rank }))).toEqual(
			expect.arrayContaining([{ visit: AI, locked: 1, source: 'lock', rank: null }])
		);
		const stored = await setup.context.db.selectFrom('visit_assignment').select(['person_id as delegate', 'programme_item_id as visit']).execute();
		expect(brokenAssignmentRules(instance.value, { assignments: stored })).toEqual([]);
	});

	it('keeps the publication time when computing again (publishing again is the coordinator\'s choice)', async () => {
		const forum = await setup.context.db.selectFrom('visit_assignment_run').select('forum_id').executeTakeFirstOrThrow();
		await setup.context.db.updateTable('visit_assignment_run').set({ published_at: '2024-04-01T09:00:00.000Z' }).where('forum_id', '=', forum.forum_id).execute();
		setup.context.clock.set('2024-04-02T08:00:00.000Z');
		expect(await computeAssignment(setup.context, actors.coordinator, 'coree', 2, NO_OPTIONAL_RULES)).toMatchObject({ ok: true });
		const page = await getConsolidation(setup.context, actors.coordinator, 'coree', 2);
		expect(page).toMatchObject({ ok: true, value: { run: { computedAt: '2024-04-02T08:00:00.000Z', publishedAt: '2024-04-01T09:00:00.000Z' } } });
	});
});
