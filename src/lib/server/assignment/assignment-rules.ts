/**
 * The rules of issue 6 §2, checked on a result independently of how it was computed: what the
 * property tests assert of our solver and of HiGHS's answers. Returns the broken rules, in words.
 */
import type { VisitAssignmentInstance } from './visit-assignment.types';

/** The rules `assignments` break on `instance`, one sentence each; none when it is a valid assignment. */
export function brokenAssignmentRules(instance: VisitAssignmentInstance, result: { assignments: { delegate: string; visit: string }[] }): string[] {
	const broken: string[] = [];
	const visits = new Map(instance.visits.map((visit) => [visit.id, visit]));
	const delegates = new Map(instance.delegates.map((delegate) => [delegate.id, delegate]));
	const isLocked = new Set((instance.locked ?? []).map((lock) => `${lock.delegate} ${lock.visit}`));
	const taken = new Map<string, number>();
	const slotsTaken = new Set<string>();
	const assigned = new Set<string>();
	for (const { delegate: delegateId, visit: visitId } of result.assignments) {
		const visit = visits.get(visitId);
		const delegate = delegates.get(delegateId);
		if (!visit || !delegate) {
			broken.push(`assignment of unknown ${!visit ? `visit ${visitId}` : `delegate ${delegateId}`}`);
			continue;
		}
		assigned.add(`${delegateId} ${visitId}`);
		taken.set(visitId, (taken.get(visitId) ?? 0) + 1);
		const slotKey = JSON.stringify([delegateId, visit.slot]);
		if (slotsTaken.has(slotKey)) broken.push(`${delegateId} has more than one visit in slot ${visit.slot}`);
		slotsTaken.add(slotKey);
		if (!delegate.preferences.includes(visitId) && !isLocked.has(`${delegateId} ${visitId}`)) broken.push(`${delegateId} got ${visitId}, which they did not rank`);
	}
	for (const [visitId, count] of taken) {
		const capacity = visits.get(visitId)!.capacity;
		if (count > capacity) broken.push(`${visitId} has ${count} delegates for ${capacity} places`);
	}
	for (const lock of instance.locked ?? []) {
		if (!assigned.has(`${lock.delegate} ${lock.visit}`)) broken.push(`lock of ${lock.delegate} into ${lock.visit} not kept`);
	}
	return broken;
}

/** Filled places and rank sum of a set of assignments, recomputed from the instance. */
export function scoreAssignments(instance: VisitAssignmentInstance, assignments: { delegate: string; visit: string }[]): { filled: number; rankSum: number } {
	const delegates = new Map(instance.delegates.map((delegate) => [delegate.id, delegate]));
	let rankSum = 0;
	for (const { delegate, visit } of assignments) rankSum += delegates.get(delegate)!.preferences.indexOf(visit) + 1;
	return { filled: assignments.length, rankSum };
}
