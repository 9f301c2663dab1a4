/**
 * The visit-assignment solver (issue 6 §2, §4): worked examples, every validation problem, and
 * properties over random small instances, whose optimum is also found by brute force.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { brokenAssignmentRules, scoreAssignments } from './assignment-rules';
import { assignVisits } from './visit-assignment';
import type { AssignmentResult, Lock, Visit, VisitAssignmentInstance } from './visit-assignment.types';

function solved(instance: VisitAssignmentInstance): AssignmentResult {
	const outcome = assignVisits(instance);
	if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
	return outcome.result;
}

const delegate = (id: string, preferences: string[], organisation = 'Suippes') => ({ id, organisation, preferences });

describe('assignVisits: worked examples', () => {
	test('a full first choice sends the delegate to the next, with the reason "full: 15/15"', () => {
		// 16 delegates all want the AI centre first (15 places, as in the 2nd forum's visits).
		const visits: Visit[] = [
			{ id: 'ai-centre', slot: 'tue-am', capacity: 15 },
			{ id: 'smart-city', slot: 'tue-am', capacity: 15 }
		];
		const delegates = Array.from({ length: 16 }, (_, index) => delegate(`d${String(index).padStart(2, '0')}`, ['ai-centre', 'smart-city']));
		const result = solved({ visits, delegates });
		expect(result.filled).toBe(16);
		expect(result.rankSum).toBe(15 * 1 + 2);
		expect(result.unassigned).toEqual([]);
		const second = result.assignments.filter((assignment) => assignment.visit === 'smart-city');
		expect(second).toHaveLength(1);
		const explanation = result.explanations.delegates.find((entry) => entry.delegate === second[0].delegate)!;
		expect(explanation.missed).toEqual([{ visit: 'ai-centre', slot: 'tue-am', rank: 1, reason: 'full', filled: 15, capacity: 15 }]);
		expect(result.explanations.visits).toEqual([
			{ visit: 'ai-centre', slot: 'tue-am', capacity: 15, filled: 15, locked: 0 },
			{ visit: 'smart-city', slot: 'tue-am', capacity: 15, filled: 1, locked: 0 }
		]);
	});

	test('filling one more place comes before a smaller rank sum', () => {
		// Greedy by rank gives a her first choice and leaves b without a visit: 1 place, rank sum 1.
		// The optimum gives a her second choice so that b gets the only visit b ranked: 2 places.
		const result = solved({
			visits: [
				{ id: 'v1', slot: 's', capacity: 1 },
				{ id: 'v2', slot: 's', capacity: 1 }
			],
			delegates: [delegate('a', ['v1', 'v2']), delegate('b', ['v1'])]
		});
		expect(result.filled).toBe(2);
		expect(result.rankSum).toBe(3);
		expect(result.assignments).toEqual([
			{ delegate: 'a', visit: 'v2', rank: 2, locked: false },
			{ delegate: 'b', visit: 'v1', rank: 1, locked: false }
		]);
	});

	test('one visit per slot, ranks counted across slots, and a delegate left out says why', () => {
		const result = solved({
			visits: [
				{ id: 'museum', slot: 'mon-pm', capacity: 1 },
				{ id: 'port', slot: 'mon-pm', capacity: 1 },
				{ id: 'farm', slot: 'tue-am', capacity: 2 }
			],
			delegates: [delegate('a', ['farm', 'museum', 'port']), delegate('b', ['museum', 'port']), delegate('c', ['port'])]
		});
		// Monday afternoon has 2 places for 3 candidates: b (museum, rank 1) and c (port, rank 1)
		// cost less than anything with a (museum 2, port 3); a still gets the farm on Tuesday.
		expect(result.assignments).toEqual([
			{ delegate: 'a', visit: 'farm', rank: 1, locked: false },
			{ delegate: 'b', visit: 'museum', rank: 1, locked: false },
			{ delegate: 'c', visit: 'port', rank: 1, locked: false }
		]);
		expect(result.filled).toBe(3);
		expect(result.rankSum).toBe(3);
		expect(result.unassigned).toEqual([{ delegate: 'a', slot: 'mon-pm', reason: 'all-ranked-visits-full' }]);
		expect(result.explanations.delegates[0].missed).toEqual([
			{ visit: 'museum', slot: 'mon-pm', rank: 2, reason: 'full', filled: 1, capacity: 1 },
			{ visit: 'port', slot: 'mon-pm', rank: 3, reason: 'full', filled: 1, capacity: 1 }
		]);
	});

	test('locks are kept, even on a visit the delegate did not rank (rank null, counts as a place)', () => {
		const result = solved({
			visits: [
				{ id: 'ministry', slot: 'wed-am', capacity: 2 },
				{ id: 'school', slot: 'wed-am', capacity: 1 }
			],
			delegates: [delegate('head', ['school']), delegate('interpreter', ['school']), delegate('mayor', ['ministry'])],
			locked: [
				{ delegate: 'head', visit: 'ministry' },
				{ delegate: 'mayor', visit: 'ministry' }
			]
		});
		expect(result.assignments).toEqual([
			{ delegate: 'head', visit: 'ministry', rank: null, locked: true },
			{ delegate: 'interpreter', visit: 'school', rank: 1, locked: false },
			{ delegate: 'mayor', visit: 'ministry', rank: 1, locked: true }
		]);
		expect(result.filled).toBe(3);
		expect(result.rankSum).toBe(2);
		expect(result.explanations.delegates[0].missed).toEqual([{ visit: 'school', slot: 'wed-am', rank: 1, reason: 'locked-into-another-visit', lockedVisit: 'ministry' }]);
		expect(result.explanations.visits[0]).toEqual({ visit: 'ministry', slot: 'wed-am', capacity: 2, filled: 2, locked: 2 });
	});

	test('a place freed at the end of a chain of 5,000 moves (deeper than a recursive search could go)', () => {
		// Delegate i ranks visit i then visit i + 1 (one place each); x ranks only visit 0. Placing x
		// moves every delegate one visit along: 5,001 places, rank sum 1 (x) + 5,000 × 2.
		const length = 5_000;
		const id = (index: number) => String(index).padStart(5, '0');
		const visits = Array.from({ length: length + 1 }, (_, index) => ({ id: `v${id(index)}`, slot: 's', capacity: 1 }));
		const delegates = Array.from({ length }, (_, index) => delegate(`d${id(index)}`, [`v${id(index)}`, `v${id(index + 1)}`]));
		const result = solved({ visits, delegates: [...delegates, delegate('x', ['v00000'])] });
		expect(result.filled).toBe(length + 1);
		expect(result.rankSum).toBe(1 + 2 * length);
	});

	test('a delegate who ranked nothing, a visit of capacity 0 and an empty instance are fine', () => {
		expect(solved({ visits: [], delegates: [] })).toMatchObject({ assignments: [], unassigned: [], filled: 0, rankSum: 0 });
		const result = solved({ visits: [{ id: 'closed', slot: 's', capacity: 0 }], delegates: [delegate('a', []), delegate('b', ['closed'])] });
		expect(result.assignments).toEqual([]);
		expect(result.unassigned).toEqual([{ delegate: 'b', slot: 's', reason: 'all-ranked-visits-full' }]);
		expect(result.explanations.delegates[1].missed).toEqual([{ visit: 'closed', slot: 's', rank: 1, reason: 'full', filled: 0, capacity: 0 }]);
	});
});

describe('assignVisits: invalid instances name the problem', () => {
	const base = (): VisitAssignmentInstance => ({
		visits: [
			{ id: 'v1', slot: 's1', capacity: 1 },
			{ id: 'v2', slot: 's1', capacity: 2 },
			{ id: 'v3', slot: 's2', capacity: 1 }
		],
		delegates: [delegate('a', ['v1', 'v3']), delegate('b', ['v2'])]
	});
	const problemsOf = (instance: VisitAssignmentInstance) => {
		const outcome = assignVisits(instance);
		expect(outcome.ok).toBe(false);
		return outcome.ok ? [] : outcome.problems;
	};

	test('the base instance is valid', () => {
		expect(assignVisits(base()).ok).toBe(true);
	});

	test.each([
		['unknown visit in preferences', (i: VisitAssignmentInstance) => i.delegates[0].preferences.push('v9'), 'unknown-visit-in-preferences', /delegate "a" ranks visit "v9", which is not among the visits/],
		['negative capacity', (i: VisitAssignmentInstance) => (i.visits[1].capacity = -1), 'invalid-capacity', /visit "v2" has capacity -1/],
		['fractional capacity', (i: VisitAssignmentInstance) => (i.visits[1].capacity = 1.5), 'invalid-capacity', /visit "v2" has capacity 1.5/],
		['duplicate visit id', (i: VisitAssignmentInstance) => i.visits.push({ id: 'v1', slot: 's2', capacity: 3 }), 'duplicate-visit-id', /visit id "v1" is used by more than one visit/],
		['duplicate delegate id', (i: VisitAssignmentInstance) => i.delegates.push(delegate('a', [])), 'duplicate-delegate-id', /delegate id "a" is used by more than one delegate/],
		['duplicate preference', (i: VisitAssignmentInstance) => i.delegates[1].preferences.push('v2'), 'duplicate-preference', /delegate "b" ranks visit "v2" more than once/],
		['lock of an unknown delegate', (i: VisitAssignmentInstance) => (i.locked = [{ delegate: 'zed', visit: 'v1' }]), 'lock-of-unknown-delegate', /delegate "zed", who is not among the delegates/],
		['lock on an unknown visit', (i: VisitAssignmentInstance) => (i.locked = [{ delegate: 'a', visit: 'v7' }]), 'lock-on-unknown-visit', /visit "v7", which is not among the visits/],
		['the same lock twice', (i: VisitAssignmentInstance) => (i.locked = [{ delegate: 'a', visit: 'v1' }, { delegate: 'a', visit: 'v1' }]), 'duplicate-lock', /locked into visit "v1" more than once/],
		['two locks of one delegate in one slot', (i: VisitAssignmentInstance) => (i.locked = [{ delegate: 'a', visit: 'v1' }, { delegate: 'a', visit: 'v2' }]), 'locks-in-one-slot', /delegate "a" is locked into "v1" and "v2", all in slot "s1"/],
		['a delegate locked into a full visit', (i: VisitAssignmentInstance) => (i.locked = [{ delegate: 'a', visit: 'v1' }, { delegate: 'b', visit: 'v1' }]), 'locks-exceed-capacity', /visit "v1" has 1 places but 2 delegates are locked into it/]
	])('%s', (_, spoil, code, message) => {
		const instance = base();
		spoil(instance);
		const problems = problemsOf(instance);
		expect(problems.map((problem) => problem.code)).toEqual([code]);
		expect(problems[0].message).toMatch(message);
	});

	test('every problem is listed, not only the first', () => {
		const instance = base();
		instance.visits[0].capacity = -3;
		instance.delegates[1].preferences.push('nowhere');
		instance.locked = [{ delegate: 'ghost', visit: 'v2' }];
		expect(problemsOf(instance).map((problem) => problem.code)).toEqual(['invalid-capacity', 'unknown-visit-in-preferences', 'lock-of-unknown-delegate']);
	});
});

/** Small valid instances: up to 5 visits over up to 2 slots, up to 5 delegates, some locks. */
const smallInstance: fc.Arbitrary<VisitAssignmentInstance> = fc
	.record({
		visits: fc.array(fc.record({ slot: fc.constantFrom('am', 'pm'), capacity: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 5 }),
		delegateCount: fc.integer({ min: 1, max: 5 })
	})
	.chain(({ visits, delegateCount }) => {
		const visitIds = visits.map((_, index) => `v${index + 1}`);
		return fc.record({
			visits: fc.constant(visits.map((visit, index) => ({ id: visitIds[index], ...visit }))),
			preferences: fc.array(fc.shuffledSubarray(visitIds), { minLength: delegateCount, maxLength: delegateCount }),
			lockWishes: fc.array(fc.record({ delegate: fc.nat(delegateCount - 1), visit: fc.constantFrom(...visitIds) }), { maxLength: 3 })
		});
	})
	.map(({ visits, preferences, lockWishes }) => {
		const delegates = preferences.map((ranked, index) => delegate(`d${index + 1}`, ranked, `org${index % 2}`));
		// Keep the wished locks that make a valid instance: one per delegate and slot, within capacity.
		const locked: Lock[] = [];
		for (const wish of lockWishes) {
			const visit = visits.find((candidate) => candidate.id === wish.visit)!;
			const delegateId = delegates[wish.delegate].id;
			const sameSlot = locked.some((lock) => lock.delegate === delegateId && visits.find((candidate) => candidate.id === lock.visit)!.slot === visit.slot);
			const taken = locked.filter((lock) => lock.visit === visit.id).length;
			if (!sameSlot && taken < visit.capacity) locked.push({ delegate: delegateId, visit: visit.id });
		}
		return { visits, delegates, locked };
	});

/** The best (most places, then least rank sum) over every way of giving each delegate at most one ranked visit per slot. */
function bruteForceOptimum(instance: VisitAssignmentInstance): { filled: number; rankSum: number } {
	const slotOf = new Map(instance.visits.map((visit) => [visit.id, visit.slot]));
	const capacityLeft = new Map(instance.visits.map((visit) => [visit.id, visit.capacity]));
	const lockedSlots = new Set<string>();
	let filled = 0;
	let rankSum = 0;
	for (const lock of instance.locked ?? []) {
		capacityLeft.set(lock.visit, capacityLeft.get(lock.visit)! - 1);
		lockedSlots.add(`${lock.delegate} ${slotOf.get(lock.visit)}`);
		filled++;
		rankSum += instance.delegates.find((candidate) => candidate.id === lock.delegate)!.preferences.indexOf(lock.visit) + 1;
	}
	// One decision per (delegate, slot) that is not locked: which ranked visit of the slot, or none.
	const decisions: { options: { visit: string; rank: number }[] }[] = [];
	for (const candidate of instance.delegates) {
		const bySlot = new Map<string, { visit: string; rank: number }[]>();
		candidate.preferences.forEach((visit, position) => {
			const slot = slotOf.get(visit)!;
			if (lockedSlots.has(`${candidate.id} ${slot}`)) return;
			bySlot.set(slot, [...(bySlot.get(slot) ?? []), { visit, rank: position + 1 }]);
		});
		for (const options of bySlot.values()) decisions.push({ options });
	}
	let best = { filled: -1, rankSum: 0 };
	const explore = (index: number, places: number, ranks: number) => {
		if (index === decisions.length) {
			if (places > best.filled || (places === best.filled && ranks < best.rankSum)) best = { filled: places, rankSum: ranks };
			return;
		}
		explore(index + 1, places, ranks);
		for (const option of decisions[index].options) {
			const left = capacityLeft.get(option.visit)!;
			if (left === 0) continue;
			capacityLeft.set(option.visit, left - 1);
			explore(index + 1, places + 1, ranks + option.rank);
			capacityLeft.set(option.visit, left);
		}
	};
	explore(0, 0, 0);
	return { filled: filled + best.filled, rankSum: rankSum + best.rankSum };
}

describe('assignVisits: properties on random small instances', () => {
	test('keeps every rule: capacities, one visit per delegate and slot, only ranked visits, locks', () => {
		fc.assert(
			fc.property(smallInstance, (instance) => {
				const result = solved(instance);
				expect(brokenAssignmentRules(instance, result)).toEqual([]);
				expect(scoreAssignments(instance, result.assignments)).toEqual({ filled: result.filled, rankSum: result.rankSum });
			}),
			{ numRuns: 400 }
		);
	});

	test('equals the best of a brute-force search: most places filled, then least rank sum', () => {
		fc.assert(
			fc.property(smallInstance, (instance) => {
				const result = solved(instance);
				expect({ filled: result.filled, rankSum: result.rankSum }).toEqual(bruteForceOptimum(instance));
			}),
			{ numRuns: 400 }
		);
	});

	test('is deterministic: the same instance, even with its lists reordered, gives the same assignments', () => {
		fc.assert(
			fc.property(smallInstance, fc.integer(), (instance, seed) => {
				const first = solved(instance);
				expect(solved(structuredClone(instance))).toEqual(first);
				const shuffle = <T>(items: T[]) => items.map((item, index) => ({ item, key: Math.sin(seed + index) })).sort((left, right) => left.key - right.key).map(({ item }) => item);
				const reordered = { visits: shuffle(instance.visits), delegates: shuffle(instance.delegates), locked: shuffle(instance.locked ?? []) };
				const sorted = (result: AssignmentResult) => [...result.assignments].sort((left, right) => (left.delegate + left.visit < right.delegate + right.visit ? -1 : 1));
				expect(sorted(solved(reordered))).toEqual(sorted(first));
			}),
			{ numRuns: 200 }
		);
	});

	test('explains itself: each missed better choice is full or blocked by a lock, fills add up, the unassigned are those left out', () => {
		fc.assert(
			fc.property(smallInstance, (instance) => {
				const result = solved(instance);
				const filledOf = new Map(result.explanations.visits.map((fill) => [fill.visit, fill]));
				for (const fill of result.explanations.visits) {
					expect(fill.filled).toBe(result.assignments.filter((assignment) => assignment.visit === fill.visit).length);
				}
				for (const { missed } of result.explanations.delegates) {
					for (const miss of missed) {
						if (miss.reason === 'full') expect(miss.filled).toBe(filledOf.get(miss.visit)!.capacity);
					}
				}
				const slotOf = new Map(instance.visits.map((visit) => [visit.id, visit.slot]));
				const expectedUnassigned = instance.delegates.flatMap((candidate) =>
					[...new Set(candidate.preferences.map((visit) => slotOf.get(visit)!))]
						.filter((slot) => !result.assignments.some((assignment) => assignment.delegate === candidate.id && slotOf.get(assignment.visit) === slot))
						.map((slot) => ({ delegate: candidate.id, slot, reason: 'all-ranked-visits-full' }))
				);
				expect(result.unassigned).toEqual(expectedUnassigned);
			}),
			{ numRuns: 300 }
		);
	});
});
