/**
 * The optional rules of issue 6 §3, applied after the exact assignment as deterministic
 * improvements that never change its optimum: `filled` and `rankSum` stay exactly those of
 * `assignVisits`, locks stay where they are, capacities and "only ranked visits" hold.
 *
 * - keep delegations together: more pairs of delegates of one organisation on the same visit;
 * - a first choice for every organisation: more organisations with at least one first choice;
 * - balance the visits' fill: a smaller sum of squared fill ratios (places taken / capacity).
 *
 * Only changes that keep both totals are tried: two delegates of a slot exchanging their visits
 * when the ranks they give up and gain add up the same; a delegate without a visit in a slot
 * taking the place of one who ranked it the same; and, for balance, a chain of moves from one
 * visit to another with free places whose rank changes add up to zero (a zero-cost path, found by
 * Bellman–Ford over the visits of the slot). A change is kept when it improves the switched-on
 * rules compared in the order above (lexicographically); candidates are scanned in id order, so
 * the same input always gives the same output. This is a local search, not a second exact stage:
 * it finds an optimum-preserving improvement when one of these shapes exists, not always the best.
 * On very large forums it stops after a fixed amount of work (counted, so still deterministic).
 */
import type { VisitAssignmentInstance } from '../assignment/visit-assignment.types';
import type { ConsolidationOptions } from './consolidation.table';

export const NO_OPTIONAL_RULES: ConsolidationOptions = { keepDelegationsTogether: false, firstChoicePerOrganisation: false, balanceFill: false };

export interface PlacedDelegate {
	delegate: string;
	visit: string;
	locked: boolean;
}

const MAX_IMPROVEMENTS = 500;
/** Placements scored and candidates looked at, in all: under a second of work. */
const WORK_BUDGET = 2_000_000;

/** `assignments` (an optimal result of `instance`) improved for the switched-on rules. */
export function applyOptionalRules(instance: VisitAssignmentInstance, assignments: readonly PlacedDelegate[], options: ConsolidationOptions): PlacedDelegate[] {
	const placed = assignments.map((assignment) => ({ ...assignment }));
	if (!options.keepDelegationsTogether && !options.firstChoicePerOrganisation && !options.balanceFill) return placed;

	const visitById = new Map(instance.visits.map((visit) => [visit.id, visit]));
	const delegateById = new Map(instance.delegates.map((delegate) => [delegate.id, delegate]));
	const rank = new Map<string, number>();
	for (const delegate of instance.delegates) delegate.preferences.forEach((visit, index) => rank.set(`${delegate.id} ${visit}`, index + 1));
	const rankOf = (delegate: string, visit: string) => rank.get(`${delegate} ${visit}`);
	const slots = [...new Set(instance.visits.map((visit) => visit.slot))];
	const visitsOfSlot = (slot: string) => instance.visits.filter((visit) => visit.slot === slot).map((visit) => visit.id).sort();

	let work = 0;
	const exhausted = () => work > WORK_BUDGET;
	const score = (): number[] => {
		work += placed.length;
		const vector: number[] = [];
		if (options.keepDelegationsTogether) {
			const counts = new Map<string, number>();
			for (const { delegate, visit } of placed) {
				const key = `${visit} ${delegateById.get(delegate)!.organisation}`;
				counts.set(key, (counts.get(key) ?? 0) + 1);
			}
			let pairs = 0;
			for (const count of counts.values()) pairs += (count * (count - 1)) / 2;
			vector.push(pairs);
		}
		if (options.firstChoicePerOrganisation) {
			const organisations = new Set(placed.filter(({ delegate, visit }) => rankOf(delegate, visit) === 1).map(({ delegate }) => delegateById.get(delegate)!.organisation));
			vector.push(organisations.size);
		}
		if (options.balanceFill) {
			const fill = new Map<string, number>();
			for (const { visit } of placed) fill.set(visit, (fill.get(visit) ?? 0) + 1);
			let squares = 0;
			for (const [visit, count] of fill) {
				const capacity = visitById.get(visit)!.capacity;
				if (capacity > 0) squares += (count / capacity) ** 2;
			}
			// Rounded so that float noise never counts as an improvement.
			vector.push(-Math.round(squares * 1e9));
		}
		return vector;
	};
	const better = (a: number[], b: number[]) => {
		for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return a[index] > b[index];
		return false;
	};

	/** Tries a change (a list of [placement, new visit]); keeps it if the score improves. */
	const tryChange = (changes: [PlacedDelegate, string][], current: number[]): number[] | null => {
		const before = changes.map(([placement]) => placement.visit);
		for (const [placement, visit] of changes) placement.visit = visit;
		const after = score();
		if (better(after, current)) return after;
		changes.forEach(([placement], index) => (placement.visit = before[index]));
		return null;
	};

	const improveOnce = (current: number[]): number[] | null => {
		for (const slot of slots) {
			const slotVisits = new Set(visitsOfSlot(slot));
			const inSlot = placed.filter((placement) => slotVisits.has(placement.visit)).sort((a, b) => (a.delegate < b.delegate ? -1 : a.delegate > b.delegate ? 1 : 0));
			const movable = inSlot.filter((placement) => !placement.locked);
			// Two delegates exchange their visits, at the same rank sum.
			for (let i = 0; i < movable.length; i++) {
				if (exhausted()) return null;
				for (let j = i + 1; j < movable.length; j++) {
					work++;
					const [a, b] = [movable[i], movable[j]];
					if (a.visit === b.visit) continue;
					const aToB = rankOf(a.delegate, b.visit);
					const bToA = rankOf(b.delegate, a.visit);
					if (aToB === undefined || bToA === undefined) continue;
					if (aToB + bToA !== rankOf(a.delegate, a.visit)! + rankOf(b.delegate, b.visit)!) continue;
					const improved = tryChange([[a, b.visit], [b, a.visit]], current);
					if (improved) return improved;
				}
			}
			// A delegate without a visit in the slot takes a place at the same rank.
			const hasVisit = new Set(inSlot.map((placement) => placement.delegate));
			const waiting = [...delegateById.keys()].filter((id) => !hasVisit.has(id)).sort();
			for (const placement of movable) {
				if (exhausted()) return null;
				for (const delegate of waiting) {
					work++;
					if (rankOf(delegate, placement.visit) !== rankOf(placement.delegate, placement.visit)) continue;
					const previous = placement.delegate;
					placement.delegate = delegate;
					const after = score();
					if (better(after, current)) return after;
					placement.delegate = previous;
				}
			}
			if (options.balanceFill) {
				const shifted = zeroCostShift(slot, [...slotVisits].sort(), movable, current);
				if (shifted) return shifted;
			}
		}
		return null;
	};

	/** Moves one place along a zero-cost chain from a fuller visit to one with free places. */
	const zeroCostShift = (_slot: string, visits: string[], movable: PlacedDelegate[], current: number[]): number[] | null => {
		const fill = new Map(visits.map((visit) => [visit, 0]));
		for (const placement of placed) if (fill.has(placement.visit)) fill.set(placement.visit, fill.get(placement.visit)! + 1);
		const ratio = (visit: string) => fill.get(visit)! / Math.max(1, visitById.get(visit)!.capacity);
		const sources = [...visits].sort((a, b) => ratio(b) - ratio(a) || (a < b ? -1 : 1));
		for (const source of sources) {
			if (exhausted()) return null;
			// Bellman–Ford from `source`: distance in rank change, and the placement moving into each visit.
			const distance = new Map<string, number>([[source, 0]]);
			const via = new Map<string, PlacedDelegate>();
			for (let round = 0; round < visits.length; round++) {
				let changed = false;
				for (const placement of movable) {
					const from = distance.get(placement.visit);
					if (from === undefined) continue;
					for (const target of visits) {
						work++;
						if (target === placement.visit || target === source) continue;
						const gained = rankOf(placement.delegate, target);
						if (gained === undefined) continue;
						const candidate = from + gained - rankOf(placement.delegate, placement.visit)!;
						if (candidate < (distance.get(target) ?? Infinity)) {
							distance.set(target, candidate);
							via.set(target, placement);
							changed = true;
						}
					}
				}
				if (!changed) break;
			}
			for (const target of visits) {
				if (target === source || distance.get(target) !== 0 || fill.get(target)! >= visitById.get(target)!.capacity) continue;
				const changes: [PlacedDelegate, string][] = [];
				const seen = new Set<string>();
				let at = target;
				while (at !== source && !seen.has(at)) {
					seen.add(at);
					const placement = via.get(at)!;
					changes.push([placement, at]);
					at = placement.visit;
				}
				if (at !== source) continue;
				const improved = tryChange(changes, current);
				if (improved) return improved;
			}
		}
		return null;
	};

	let current = score();
	for (let step = 0; step < MAX_IMPROVEMENTS; step++) {
		const improved = improveOnce(current);
		if (!improved) break;
		current = improved;
	}
	return placed;
}
