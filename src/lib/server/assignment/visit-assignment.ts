/**
 * Assigning delegates to field visits from their ranked preferences (issue 6 §2), exactly.
 *
 * The rules: a delegate gets at most one visit per slot, only among visits they ranked; no visit
 * gets more delegates than its capacity; locked assignments are kept as they are; first, as many
 * (delegate, slot) places filled as possible; then, the smallest sum of ranks.
 *
 * The method: slots are independent (a visit belongs to one slot, and the rules only link a
 * delegate's choices within a slot), so each slot is one transportation problem, solved as a
 * minimum-cost flow: source → delegate (1 place) → each visit of the slot they ranked (cost: its
 * rank) → sink (the visit's places left after locks). Giving each delegate → visit arc the cost
 * rank − M, with M larger than any possible rank sum, makes one more place filled always worth
 * more than any saving in ranks, so the cheapest flow is exactly the lexicographic optimum; that
 * cheapest flow is the cheapest among the *maximum* flows with costs rank alone, which is what
 * `solveTransportation` computes (so M never has to be materialised, and costs stay small and
 * ≥ 0). Checked against brute force and against HiGHS in the tests.
 *
 * Ties (several assignments equally good on both counts) are broken deterministically: within a
 * slot, delegates are taken in ascending id order (code-unit comparison, not locale-dependent),
 * each with their ranked visits in preference order, and visits in ascending id order; the flow
 * algorithm scans them in that order. So the same instance always gives the same result, whatever
 * the order of its lists.
 */
import { solveTransportation } from './transportation';
import { checkInstance, type InstanceIndex } from './instance-validation';
import type {
	Assignment,
	AssignmentOutcome,
	AssignmentResult,
	DelegateExplanation,
	MissedVisit,
	UnassignedPlace,
	VisitAssignmentInstance,
	VisitFill
} from './visit-assignment.types';

export type * from './visit-assignment.types';
export { validateInstance } from './instance-validation';

/**
 * Positions of `items` in ascending id order. The default sort of strings compares UTF-16 code
 * units: the same order on every machine (not locale-dependent), and native, so faster than a
 * comparator; ids are unique (validated), so looking positions up by id is exact.
 */
function orderById(items: { id: string }[], positionOf: Map<string, number>): number[] {
	return items
		.map((item) => item.id)
		.sort()
		.map((id) => positionOf.get(id)!);
}

/**
 * Computes the optimal assignment of `instance`, or lists what makes it unsolvable (unknown
 * visit in preferences, invalid capacity, duplicate ids, impossible locks…).
 */
export function assignVisits(instance: VisitAssignmentInstance): AssignmentOutcome {
	const { problems, index: instanceIndex } = checkInstance(instance);
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, result: solveValidInstance(instance, instanceIndex) };
}

function solveValidInstance(instance: VisitAssignmentInstance, instanceIndex: InstanceIndex): AssignmentResult {
	const { visits, delegates } = instance;
	const locks = instance.locked ?? [];
	const { visitPosition: visitIndex, delegatePosition: delegateIndex, preferenceStart, preferredVisit } = instanceIndex;

	const slots: string[] = [];
	const slotIndex = new Map<string, number>();
	const visitSlot = new Int32Array(visits.length);
	visits.forEach((visit, index) => {
		let slot = slotIndex.get(visit.slot);
		if (slot === undefined) {
			slot = slots.length;
			slotIndex.set(visit.slot, slot);
			slots.push(visit.slot);
		}
		visitSlot[index] = slot;
	});
	const slotCount = slots.length;

	// chosen[delegate * slotCount + slot] = visit number, or -1; lockedChoice marks the locks.
	const chosen = new Int32Array(delegates.length * slotCount).fill(-1);
	const lockedChoice = new Uint8Array(delegates.length * slotCount);
	const placesLeft = Int32Array.from(visits, (visit) => visit.capacity);
	const lockedPerVisit = new Int32Array(visits.length);
	for (const lock of locks) {
		const delegate = delegateIndex.get(lock.delegate)!;
		const visit = visitIndex.get(lock.visit)!;
		const cell = delegate * slotCount + visitSlot[visit];
		chosen[cell] = visit;
		lockedChoice[cell] = 1;
		placesLeft[visit]--;
		lockedPerVisit[visit]++;
	}

	// Visits of each slot in ascending id order, numbered within their slot.
	const visitOrder = orderById(visits, visitIndex);
	const visitsBySlot: number[][] = slots.map(() => []);
	const numberInSlot = new Int32Array(visits.length);
	for (const visit of visitOrder) {
		numberInSlot[visit] = visitsBySlot[visitSlot[visit]].length;
		visitsBySlot[visitSlot[visit]].push(visit);
	}

	// Each slot's transportation problem: the delegates not locked in it who ranked one of its
	// visits, in ascending id order, each with an arc per such visit in preference order (a
	// delegate's arcs are contiguous: all of one delegate's are laid down before the next's).
	const arcsPerSlot = new Int32Array(slotCount);
	for (const visit of preferredVisit) arcsPerSlot[visitSlot[visit]]++;
	const problems = slots.map((_, slot) => ({
		candidates: 0,
		arcs: 0,
		candidateDelegate: new Int32Array(delegates.length),
		arcStart: new Int32Array(delegates.length + 1),
		arcVisit: new Int32Array(arcsPerSlot[slot]),
		arcCost: new Int32Array(arcsPerSlot[slot]),
		arcTarget: new Int32Array(arcsPerSlot[slot])
	}));
	const lastCandidate = new Int32Array(slotCount).fill(-1);
	const delegateOrder = orderById(delegates, delegateIndex);
	for (const delegate of delegateOrder) {
		const start = preferenceStart[delegate];
		for (let position = start; position < preferenceStart[delegate + 1]; position++) {
			const visit = preferredVisit[position];
			const slot = visitSlot[visit];
			if (lockedChoice[delegate * slotCount + slot]) continue;
			const problem = problems[slot];
			if (lastCandidate[slot] !== delegate) {
				lastCandidate[slot] = delegate;
				problem.candidateDelegate[problem.candidates++] = delegate;
			}
			problem.arcVisit[problem.arcs] = numberInSlot[visit];
			problem.arcCost[problem.arcs] = position - start + 1;
			problem.arcTarget[problem.arcs] = visit;
			problem.arcStart[problem.candidates] = ++problem.arcs;
		}
	}

	for (let slot = 0; slot < slotCount; slot++) {
		const problem = problems[slot];
		if (problem.candidates === 0) continue;
		const chosenArc = solveTransportation({
			delegateCount: problem.candidates,
			visitCount: visitsBySlot[slot].length,
			arcStart: problem.arcStart.subarray(0, problem.candidates + 1),
			arcVisit: problem.arcVisit,
			arcCost: problem.arcCost,
			capacity: Int32Array.from(visitsBySlot[slot], (visit) => placesLeft[visit])
		});
		for (let candidate = 0; candidate < problem.candidates; candidate++) {
			if (chosenArc[candidate] >= 0) chosen[problem.candidateDelegate[candidate] * slotCount + slot] = problem.arcTarget[chosenArc[candidate]];
		}
	}

	return describeResult(instance, { slots, visitSlot, preferenceStart, preferredVisit, chosen, lockedChoice, lockedPerVisit });
}

function describeResult(
	instance: VisitAssignmentInstance,
	solved: {
		slots: string[];
		visitSlot: Int32Array;
		preferenceStart: Int32Array;
		preferredVisit: Int32Array;
		chosen: Int32Array;
		lockedChoice: Uint8Array;
		lockedPerVisit: Int32Array;
	}
): AssignmentResult {
	const { visits, delegates } = instance;
	const { slots, visitSlot, preferenceStart, preferredVisit, chosen, lockedChoice, lockedPerVisit } = solved;
	const slotCount = slots.length;

	const filledPerVisit = new Int32Array(visits.length);
	for (const visit of chosen) if (visit >= 0) filledPerVisit[visit]++;

	const assignments: Assignment[] = [];
	const unassigned: UnassignedPlace[] = [];
	const explanations: DelegateExplanation[] = [];
	let rankSum = 0;
	// Scratch space, cleared after each delegate: the rank of each visit they ranked, 0 otherwise.
	const rankOf = new Int32Array(visits.length);
	const slotSeen = new Uint8Array(slotCount);

	delegates.forEach((delegate, index) => {
		const start = preferenceStart[index];
		const end = preferenceStart[index + 1];
		for (let position = start; position < end; position++) rankOf[preferredVisit[position]] = position - start + 1;

		for (let slot = 0; slot < slotCount; slot++) {
			const visit = chosen[index * slotCount + slot];
			if (visit < 0) continue;
			const rank = rankOf[visit] || null;
			rankSum += rank ?? 0;
			assignments.push({ delegate: delegate.id, visit: visits[visit].id, rank, locked: lockedChoice[index * slotCount + slot] === 1 });
		}

		const missed: MissedVisit[] = [];
		slotSeen.fill(0);
		for (let position = start; position < end; position++) {
			const visit = preferredVisit[position];
			const rank = position - start + 1;
			const slot = visitSlot[visit];
			const got = chosen[index * slotCount + slot];
			if (got < 0 && !slotSeen[slot]) unassigned.push({ delegate: delegate.id, slot: slots[slot], reason: 'all-ranked-visits-full' });
			slotSeen[slot] = 1;
			// Only the visits ranked better than the one obtained (or any, when none was) are misses.
			if (got === visit || (got >= 0 && rankOf[got] !== 0 && rankOf[got] < rank)) continue;
			if (got >= 0 && lockedChoice[index * slotCount + slot]) {
				missed.push({ visit: visits[visit].id, slot: slots[slot], rank, reason: 'locked-into-another-visit', lockedVisit: visits[got].id });
			} else {
				// Optimality guarantees these are full: a free place there would have given one more
				// place filled, or a better rank for as many places.
				missed.push({ visit: visits[visit].id, slot: slots[slot], rank, reason: 'full', filled: filledPerVisit[visit], capacity: visits[visit].capacity });
			}
		}
		for (let position = start; position < end; position++) rankOf[preferredVisit[position]] = 0;
		explanations.push({ delegate: delegate.id, missed });
	});

	const fills: VisitFill[] = visits.map((visit, index) => ({
		visit: visit.id,
		slot: visit.slot,
		capacity: visit.capacity,
		filled: filledPerVisit[index],
		locked: lockedPerVisit[index]
	}));
	return { assignments, unassigned, filled: assignments.length, rankSum, explanations: { delegates: explanations, visits: fills } };
}
