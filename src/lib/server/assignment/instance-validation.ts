/**
 * What makes a visit-assignment instance unsolvable as written (issue 6 §7): each problem names
 * the ids concerned, so the coordinator (or the tool that wrote the file) can fix it. Every problem
 * is listed, not only the first, in the order of the instance.
 */
import type { InstanceProblem, VisitAssignmentInstance } from './visit-assignment.types';

const quote = (id: string) => JSON.stringify(id);

/** Lists the problems of `instance`; an empty list means `assignVisits` can solve it. */
export function validateInstance(instance: VisitAssignmentInstance): InstanceProblem[] {
	return checkInstance(instance).problems;
}

/** What checking an instance learns on the way and solving it needs too (read once, not twice). */
export interface InstanceIndex {
	/** Each id's position in `visits` (the first, for a duplicate). */
	visitPosition: Map<string, number>;
	/** Each id's position in `delegates` (the first, for a duplicate). */
	delegatePosition: Map<string, number>;
	/** All preferences as visit positions, delegates end to end: delegate d's from preferenceStart[d] to preferenceStart[d + 1]. */
	preferenceStart: Int32Array;
	/** −1 for an unknown visit. */
	preferredVisit: Int32Array;
}

/** The problems of `instance`, and its index (meaningful when there is no problem). */
export function checkInstance(instance: VisitAssignmentInstance): { problems: InstanceProblem[]; index: InstanceIndex } {
	const problems: InstanceProblem[] = [];

	const visitPosition = new Map<string, number>();
	const visitsById = new Map<string, { slot: string; capacity: number }>();
	instance.visits.forEach((visit, position) => {
		if (visitsById.has(visit.id)) {
			problems.push({ code: 'duplicate-visit-id', visit: visit.id, message: `visit id ${quote(visit.id)} is used by more than one visit` });
			return;
		}
		visitsById.set(visit.id, visit);
		visitPosition.set(visit.id, position);
		if (!Number.isSafeInteger(visit.capacity) || visit.capacity < 0) {
			problems.push({
				code: 'invalid-capacity',
				visit: visit.id,
				capacity: visit.capacity,
				message: `visit ${quote(visit.id)} has capacity ${visit.capacity}: a capacity is a whole number of places, 0 or more`
			});
		}
	});

	const delegatePosition = new Map<string, number>();
	const preferenceStart = new Int32Array(instance.delegates.length + 1);
	instance.delegates.forEach((delegate, position) => (preferenceStart[position + 1] = preferenceStart[position] + delegate.preferences.length));
	const preferredVisit = new Int32Array(preferenceStart[instance.delegates.length]).fill(-1);
	// Which delegate (position + 1) last ranked each visit: duplicate preferences found without a set per delegate.
	const lastRankedBy = new Int32Array(instance.visits.length);
	instance.delegates.forEach((delegate, position) => {
		if (delegatePosition.has(delegate.id)) {
			problems.push({ code: 'duplicate-delegate-id', delegate: delegate.id, message: `delegate id ${quote(delegate.id)} is used by more than one delegate` });
			return;
		}
		delegatePosition.set(delegate.id, position);
		let cursor = preferenceStart[position];
		for (const visit of delegate.preferences) {
			const known = visitPosition.get(visit);
			preferredVisit[cursor++] = known ?? -1;
			if (known === undefined) {
				problems.push({
					code: 'unknown-visit-in-preferences',
					delegate: delegate.id,
					visit,
					message: `delegate ${quote(delegate.id)} ranks visit ${quote(visit)}, which is not among the visits`
				});
			} else if (lastRankedBy[known] === position + 1) {
				problems.push({ code: 'duplicate-preference', delegate: delegate.id, visit, message: `delegate ${quote(delegate.id)} ranks visit ${quote(visit)} more than once` });
			} else {
				lastRankedBy[known] = position + 1;
			}
		}
	});

	const locksPerVisit = new Map<string, number>();
	const lockedSlots = new Map<string, Map<string, string[]>>(); // delegate → slot → visits
	const seenLocks = new Map<string, Set<string>>(); // delegate → visits
	for (const lock of instance.locked ?? []) {
		const visit = visitsById.get(lock.visit);
		if (!delegatePosition.has(lock.delegate)) {
			problems.push({
				code: 'lock-of-unknown-delegate',
				delegate: lock.delegate,
				visit: lock.visit,
				message: `a lock puts delegate ${quote(lock.delegate)}, who is not among the delegates, into visit ${quote(lock.visit)}`
			});
		}
		if (!visit) {
			problems.push({
				code: 'lock-on-unknown-visit',
				delegate: lock.delegate,
				visit: lock.visit,
				message: `a lock puts delegate ${quote(lock.delegate)} into visit ${quote(lock.visit)}, which is not among the visits`
			});
		}
		if (!visit || !delegatePosition.has(lock.delegate)) continue;
		const delegateLocks = seenLocks.get(lock.delegate) ?? new Set<string>();
		seenLocks.set(lock.delegate, delegateLocks);
		if (delegateLocks.has(lock.visit)) {
			problems.push({ code: 'duplicate-lock', delegate: lock.delegate, visit: lock.visit, message: `delegate ${quote(lock.delegate)} is locked into visit ${quote(lock.visit)} more than once` });
			continue;
		}
		delegateLocks.add(lock.visit);
		locksPerVisit.set(lock.visit, (locksPerVisit.get(lock.visit) ?? 0) + 1);
		const slots = lockedSlots.get(lock.delegate) ?? new Map<string, string[]>();
		lockedSlots.set(lock.delegate, slots);
		slots.set(visit.slot, [...(slots.get(visit.slot) ?? []), lock.visit]);
	}
	for (const [delegate, slots] of lockedSlots) {
		for (const [slot, visits] of slots) {
			if (visits.length < 2) continue;
			problems.push({
				code: 'locks-in-one-slot',
				delegate,
				slot,
				visits,
				message: `delegate ${quote(delegate)} is locked into ${visits.map(quote).join(' and ')}, all in slot ${quote(slot)}: at most one visit per slot`
			});
		}
	}
	for (const [visitId, locked] of locksPerVisit) {
		const capacity = visitsById.get(visitId)!.capacity;
		if (Number.isSafeInteger(capacity) && locked > capacity) {
			problems.push({
				code: 'locks-exceed-capacity',
				visit: visitId,
				locked,
				capacity,
				message: `visit ${quote(visitId)} has ${capacity} places but ${locked} delegates are locked into it`
			});
		}
	}
	return { problems, index: { visitPosition, delegatePosition, preferenceStart, preferredVisit } };
}
