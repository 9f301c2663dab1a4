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
 * `FlowNetwork` computes (so M never has to be materialised, and costs stay small and ≥ 0).
 *
 * Ties (several assignments equally good on both counts) are broken deterministically: within a
 * slot, delegates are taken in ascending id order (code-unit comparison, not locale-dependent),
 * each with their ranked visits in preference order, and visits in ascending id order; the flow
 * algorithm scans them in that order. So the same instance always gives the same result, whatever
 * the order of its lists.
 */
import { FlowNetwork } from './min-cost-flow';
import { validateInstance } from './instance-validation';
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

const byId = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/**
 * Computes the optimal assignment of `instance`, or lists what makes it unsolvable (unknown
 * visit in preferences, invalid capacity, duplicate ids, impossible locks…).
 */
export function assignVisits(instance: VisitAssignmentInstance): AssignmentOutcome {
	const problems = validateInstance(instance);
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, result: solveValidInstance(instance) };
}

function solveValidInstance(instance: VisitAssignmentInstance): AssignmentResult {
	const { visits, delegates } = instance;
	const locks = instance.locked ?? [];

	const visitIndex = new Map<string, number>();
	visits.forEach((visit, index) => visitIndex.set(visit.id, index));
	const delegateIndex = new Map<string, number>();
	delegates.forEach((delegate, index) => delegateIndex.set(delegate.id, index));

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

	// Preferences as visit numbers, all delegates end to end: delegate d's run from
	// preferenceStart[d] to preferenceStart[d + 1], so rank = position − preferenceStart[d] + 1.
	const preferenceStart = new Int32Array(delegates.length + 1);
	delegates.forEach((delegate, index) => (preferenceStart[index + 1] = preferenceStart[index] + delegate.preferences.length));
	const preferredVisit = new Int32Array(preferenceStart[delegates.length]);
	delegates.forEach((delegate, index) => {
		const start = preferenceStart[index];
		delegate.preferences.forEach((visitId, position) => (preferredVisit[start + position] = visitIndex.get(visitId)!));
	});

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

	// Per slot, the delegates not locked in it who ranked one of its visits, in ascending id order,
	// each with the positions of those visits in their preferences (so in preference order).
	const candidatesBySlot: SlotCandidate[][] = slots.map(() => []);
	const delegateOrder = delegates.map((_, index) => index).sort((left, right) => byId(delegates[left].id, delegates[right].id));
	const entryOfSlot: (SlotCandidate | undefined)[] = new Array(slotCount);
	for (const delegate of delegateOrder) {
		entryOfSlot.fill(undefined);
		for (let position = preferenceStart[delegate]; position < preferenceStart[delegate + 1]; position++) {
			const slot = visitSlot[preferredVisit[position]];
			if (lockedChoice[delegate * slotCount + slot]) continue;
			let entry = entryOfSlot[slot];
			if (!entry) {
				entry = { delegate, positions: [] };
				entryOfSlot[slot] = entry;
				candidatesBySlot[slot].push(entry);
			}
			entry.positions.push(position);
		}
	}

	const visitOrder = visits.map((_, index) => index).sort((left, right) => byId(visits[left].id, visits[right].id));
	const visitsBySlot: number[][] = slots.map(() => []);
	for (const visit of visitOrder) visitsBySlot[visitSlot[visit]].push(visit);
	for (let slot = 0; slot < slotCount; slot++) {
		for (const [delegate, visit] of assignSlot(candidatesBySlot[slot], visitsBySlot[slot], placesLeft, { preferenceStart, preferredVisit })) {
			chosen[delegate * slotCount + slot] = visit;
		}
	}

	return describeResult(instance, { slots, visitSlot, preferenceStart, preferredVisit, chosen, lockedChoice, lockedPerVisit });
}

interface SlotCandidate {
	delegate: number;
	/** Positions in `preferredVisit` of the visits of this slot the delegate ranked. */
	positions: number[];
}

/** One slot's transportation problem, as a minimum-cost maximum flow (see the module comment); returns [delegate, visit] pairs. */
function assignSlot(
	candidates: SlotCandidate[],
	slotVisits: number[],
	placesLeft: Int32Array,
	preferences: { preferenceStart: Int32Array; preferredVisit: Int32Array }
): [number, number][] {
	if (candidates.length === 0 || slotVisits.length === 0) return [];
	const { preferenceStart, preferredVisit } = preferences;
	const source = 0;
	const sink = 1;
	const firstVisitNode = 2 + candidates.length;
	const visitNode = new Map<number, number>();
	slotVisits.forEach((visit, index) => visitNode.set(visit, firstVisitNode + index));
	const network = new FlowNetwork(firstVisitNode + slotVisits.length);

	for (let index = 0; index < candidates.length; index++) network.addEdge(source, 2 + index, 1, 0);
	const firstChoiceEdge = network.edgeCount;
	const choiceDelegate: number[] = [];
	const choiceVisit: number[] = [];
	candidates.forEach((candidate, index) => {
		for (const position of candidate.positions) {
			const visit = preferredVisit[position];
			network.addEdge(2 + index, visitNode.get(visit)!, 1, position - preferenceStart[candidate.delegate] + 1);
			choiceDelegate.push(candidate.delegate);
			choiceVisit.push(visit);
		}
	});
	slotVisits.forEach((visit, index) => network.addEdge(firstVisitNode + index, sink, placesLeft[visit], 0));

	network.solve(source, sink);
	const assigned: [number, number][] = [];
	for (let choice = 0; choice < choiceDelegate.length; choice++) {
		if (network.flowOn(firstChoiceEdge + choice) === 1) {
			assigned.push([choiceDelegate[choice], choiceVisit[choice]]);
			placesLeft[choiceVisit[choice]]--;
		}
	}
	return assigned;
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

		const own: { visit: number; locked: boolean }[] = [];
		for (let slot = 0; slot < slotCount; slot++) {
			const visit = chosen[index * slotCount + slot];
			if (visit >= 0) own.push({ visit, locked: lockedChoice[index * slotCount + slot] === 1 });
		}
		own.sort((left, right) => left.visit - right.visit);
		for (const { visit, locked } of own) {
			const rank = rankOf[visit] || null;
			rankSum += rank ?? 0;
			assignments.push({ delegate: delegate.id, visit: visits[visit].id, rank, locked });
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
