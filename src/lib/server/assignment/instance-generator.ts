/**
 * Seeded, realistic visit-assignment instances for the tests and the benchmark: a few popular
 * visits that fill up (as the Seoul AI centre did), capacities that together hold a bit less
 * than the demand, several delegates per organisation, and a few locks.
 */
import type { Delegate, Lock, Visit, VisitAssignmentInstance } from './visit-assignment.types';

export interface GeneratorParameters {
	delegates: number;
	visits: number;
	slots: number;
	/** How many visits each delegate ranks in each slot (fewer when the slot has fewer visits). */
	rankedPerSlot?: number;
	/** Total places over demand per slot: below 1, some delegates cannot all be placed. */
	capacityRatio?: number;
	/** Share of delegates with one lock. */
	lockedShare?: number;
	seed: number;
}

/** mulberry32: small, fast, and the same sequence on every machine for a given seed. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let value = state;
		value = Math.imul(value ^ (value >>> 15), value | 1);
		value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
		return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
	};
}

/** A valid instance, the same for the same parameters on every machine. */
export function generateInstance(parameters: GeneratorParameters): VisitAssignmentInstance {
	const random = seededRandom(parameters.seed);
	const rankedPerSlot = parameters.rankedPerSlot ?? 4;
	const capacityRatio = parameters.capacityRatio ?? 0.9;
	const lockedShare = parameters.lockedShare ?? 0.01;

	const slotNames = Array.from({ length: parameters.slots }, (_, index) => `slot-${index + 1}`);
	const visitsOfSlot: number[][] = slotNames.map(() => []);
	const popularity: number[] = [];
	const visits: Visit[] = [];
	for (let index = 0; index < parameters.visits; index++) {
		const slot = index % parameters.slots;
		visitsOfSlot[slot].push(index);
		// Squared uniform: a handful of visits draw most first choices.
		popularity.push(0.05 + random() ** 2);
		visits.push({ id: `visit-${index + 1}`, slot: slotNames[slot], capacity: 0 });
	}
	for (let slot = 0; slot < parameters.slots; slot++) {
		const slotVisits = visitsOfSlot[slot];
		const places = Math.round(parameters.delegates * capacityRatio);
		// Capacities vary around the mean (half to one and a half of it), independently of popularity.
		const weights = slotVisits.map(() => 0.5 + random());
		const total = weights.reduce((sum, weight) => sum + weight, 0);
		slotVisits.forEach((visit, position) => (visits[visit].capacity = Math.max(1, Math.round((places * weights[position]) / total))));
	}

	const delegates: Delegate[] = [];
	const organisations = Math.max(1, Math.round(parameters.delegates / 6));
	for (let index = 0; index < parameters.delegates; index++) {
		const preferences: string[] = [];
		for (let slot = 0; slot < parameters.slots; slot++) {
			// Weighted sampling without replacement, by popularity.
			const pool = [...visitsOfSlot[slot]];
			for (let pick = 0; pick < Math.min(rankedPerSlot, visitsOfSlot[slot].length); pick++) {
				const total = pool.reduce((sum, visit) => sum + popularity[visit], 0);
				let target = random() * total;
				let chosen = pool.length - 1;
				for (let position = 0; position < pool.length; position++) {
					target -= popularity[pool[position]];
					if (target <= 0) {
						chosen = position;
						break;
					}
				}
				preferences.push(visits[pool[chosen]].id);
				pool.splice(chosen, 1);
			}
		}
		// Delegates rank slot by slot, but half of them start with the last slot: a slot's visits do
		// not always hold the best ranks.
		if (parameters.slots > 1 && random() < 0.5) preferences.reverse();
		delegates.push({ id: `delegate-${index + 1}`, organisation: `organisation-${1 + Math.floor(random() * organisations)}`, preferences });
	}

	const locked: Lock[] = [];
	const lockedPerVisit = new Map<number, number>();
	for (let index = 0; index < parameters.delegates; index++) {
		if (random() >= lockedShare) continue;
		const visit = Math.floor(random() * parameters.visits);
		const count = lockedPerVisit.get(visit) ?? 0;
		if (count >= visits[visit].capacity) continue;
		lockedPerVisit.set(visit, count + 1);
		locked.push({ delegate: delegates[index].id, visit: visits[visit].id });
	}
	return { visits, delegates, locked };
}
