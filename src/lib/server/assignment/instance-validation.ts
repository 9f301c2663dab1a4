/**
 * What makes a visit-assignment instance unsolvable as written (issue 6 §7): each problem names
 * the ids concerned, so the coordinator (or the tool that wrote the file) can fix it. Every problem
 * is listed, not only the first, in the order of the instance.
 */
import type { InstanceProblem, VisitAssignmentInstance } from './visit-assignment.types';

const quote = (id: string) => JSON.stringify(id);

/** Lists the problems of `instance`; an empty list means `assignVisits` can solve it. */
export function validateInstance(instance: VisitAssignmentInstance): InstanceProblem[] {
	const problems: InstanceProblem[] = [];

	const visitsById = new Map<string, { slot: string; capacity: number; number: number }>();
	for (const visit of instance.visits) {
		if (visitsById.has(visit.id)) {
			problems.push({ code: 'duplicate-visit-id', visit: visit.id, message: `visit id ${quote(visit.id)} is used by more than one visit` });
			continue;
		}
		visitsById.set(visit.id, { slot: visit.slot, capacity: visit.capacity, number: visitsById.size });
		if (!Number.isSafeInteger(visit.capacity) || visit.capacity < 0) {
			problems.push({
				code: 'invalid-capacity',
				visit: visit.id,
				capacity: visit.capacity,
				message: `visit ${quote(visit.id)} has capacity ${visit.capacity}: a capacity is a whole number of places, 0 or more`
			});
		}
	}

	const delegateIds = new Set<string>();
	// Which delegate (by ordinal + 1) last ranked each visit: a duplicate preference without a set per delegate.
	const lastRankedBy = new Int32Array(visitsById.size);
	for (const delegate of instance.delegates) {
		if (delegateIds.has(delegate.id)) {
			problems.push({ code: 'duplicate-delegate-id', delegate: delegate.id, message: `delegate id ${quote(delegate.id)} is used by more than one delegate` });
			continue;
		}
		delegateIds.add(delegate.id);
		const ordinal = delegateIds.size;
		for (const visit of delegate.preferences) {
			const known = visitsById.get(visit);
			if (!known) {
				problems.push({
					code: 'unknown-visit-in-preferences',
					delegate: delegate.id,
					visit,
					message: `delegate ${quote(delegate.id)} ranks visit ${quote(visit)}, which is not among the visits`
				});
			} else if (lastRankedBy[known.number] === ordinal) {
				problems.push({ code: 'duplicate-preference', delegate: delegate.id, visit, message: `delegate ${quote(delegate.id)} ranks visit ${quote(visit)} more than once` });
			} else {
				lastRankedBy[known.number] = ordinal;
			}
		}
	}

	const locksPerVisit = new Map<string, number>();
	const lockedSlots = new Map<string, Map<string, string[]>>(); // delegate → slot → visits
	const seenLocks = new Map<string, Set<string>>(); // delegate → visits
	for (const lock of instance.locked ?? []) {
		const visit = visitsById.get(lock.visit);
		if (!delegateIds.has(lock.delegate)) {
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
		if (!visit || !delegateIds.has(lock.delegate)) continue;
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
	return problems;
}
