/**
 * On instances too large for brute force (60 delegates × 12 visits × 2 slots and more), our
 * solver's filled places and rank sum equal the optimum HiGHS proves for the same instance
 * written as a mixed-integer programme (see highs-reference.ts), and HiGHS's own answer keeps
 * the rules too (so the reference itself is checked).
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, test } from 'vitest';
import { brokenAssignmentRules, scoreAssignments } from './assignment-rules';
import { loadHighsRuntime, solveWithHighs } from './highs-reference';
import { generateInstance } from './instance-generator';
import { assignVisits } from './visit-assignment';
import type { VisitAssignmentInstance } from './visit-assignment.types';

let highs: Highs;
beforeAll(async () => {
	highs = await loadHighsRuntime();
});

function expectSameOptimum(instance: VisitAssignmentInstance) {
	const outcome = assignVisits(instance);
	if (!outcome.ok) throw new Error(outcome.problems.map((problem) => problem.message).join('; '));
	const reference = solveWithHighs(highs, instance);
	expect(reference.status).toBe('optimal');
	expect(brokenAssignmentRules(instance, { assignments: reference.assignments })).toEqual([]);
	expect(scoreAssignments(instance, reference.assignments)).toEqual({ filled: reference.filled, rankSum: reference.rankSum });
	expect(brokenAssignmentRules(instance, outcome.result)).toEqual([]);
	expect({ filled: outcome.result.filled, rankSum: outcome.result.rankSum }).toEqual({ filled: reference.filled, rankSum: reference.rankSum });
}

describe('assignVisits agrees with HiGHS', () => {
	test('on random 60 delegates × 12 visits × 2 slots, with scarce or ample places and locks', () => {
		fc.assert(
			fc.property(
				fc.record({
					seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
					rankedPerSlot: fc.integer({ min: 1, max: 6 }),
					capacityRatio: fc.double({ min: 0.3, max: 1.3, noNaN: true }),
					lockedShare: fc.constantFrom(0, 0.05, 0.2)
				}),
				(parameters) => expectSameOptimum(generateInstance({ delegates: 60, visits: 12, slots: 2, ...parameters }))
			),
			{ numRuns: 30 }
		);
	});

	test('on larger instances: 300 delegates × 30 visits × 3 slots, 150 × 20 × 1', () => {
		expectSameOptimum(generateInstance({ delegates: 300, visits: 30, slots: 3, seed: 11 }));
		expectSameOptimum(generateInstance({ delegates: 150, visits: 20, slots: 1, rankedPerSlot: 8, capacityRatio: 0.6, seed: 12 }));
	});
});
