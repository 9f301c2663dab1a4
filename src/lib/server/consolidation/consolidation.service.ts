/**
 * Programme consolidation (issue 6 §1–§5), for those who run the group: the page's data, "Compute"
 * (the exact assignment of `assignVisits`, then the optional rules), locks, and moves by hand.
 * The stored assignment is the rows of `visit_assignment`; locks (source 'lock', 'move' or 'waiting-list') have
 * locked = 1 and survive a new computation, which replaces the computed rows and keeps the
 * publication time (delegates' personal programmes stay visible; publishing again sends them anew).
 */
import { authorize, type Actor } from '../auth/policy';
import { assignVisits } from '../assignment/visit-assignment';
import type { InstanceProblem, MissedVisit, VisitAssignmentInstance } from '../assignment/visit-assignment.types';
import { loadForum, type ForumOfRegistration, type RegistrationRound } from '../registrations/registration-forum';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import { readForumInstance, type ConsolidationDelegate, type ConsolidationSlot, type ConsolidationVisit, type ForumInstance } from './consolidation-instance';
import * as repository from './consolidation.repository';
import type { PlacementInput } from './consolidation.schema';
import type { AssignmentSource, ConsolidationOptions, VisitAssignmentTable } from './consolidation.table';
import { applyOptionalRules, NO_OPTIONAL_RULES } from './optional-rules';

export interface Totals {
	filled: number;
	rankSum: number;
}

/** Why a delegate has no better-ranked visit; 'free' only after hand changes, until the next computation. */
export type Missed = MissedVisit | { visit: string; slot: string; rank: number; reason: 'free'; filled: number; capacity: number };

export interface DelegateRow extends ConsolidationDelegate {
	/** Per slot id: the visit they are on, with its rank, source and lock. */
	placements: Record<string, { visit: string; rank: number | null; locked: boolean; source: AssignmentSource; reason: string | null }>;
	/** Better-ranked visits they did not get, best first. */
	missed: Missed[];
	/** Slots where they ranked a visit and have none. */
	withoutVisit: string[];
}

export interface Consolidation {
	forum: ForumOfRegistration;
	round: RegistrationRound | null;
	/** True once the registration deadline has passed (the page warns before). */
	deadlinePassed: boolean;
	slots: ConsolidationSlot[];
	visits: (ConsolidationVisit & { filled: number; locked: number })[];
	delegates: DelegateRow[];
	locks: { personId: string; visitId: string; reason: string | null; source: AssignmentSource }[];
	run: { computedAt: string; options: ConsolidationOptions; publishedAt: string | null } | null;
	totals: Totals;
}

async function loadManaged(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number) {
	const loaded = await loadForum(context.db, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const denied = authorize(actor, 'group.manage', loaded.value.forum.group.id);
	if (denied) return denied;
	return loaded;
}

/** Places filled and sum of ranks of stored rows (a lock on a visit not ranked counts 0, as in the solver). */
export function totalsOf(rows: readonly Pick<VisitAssignmentTable, 'rank'>[]): Totals {
	return { filled: rows.length, rankSum: rows.reduce((sum, row) => sum + (row.rank ?? 0), 0) };
}

/** Rows of people still delegates on visits still listed: what counts. */
function currentRows(forum: ForumInstance): VisitAssignmentTable[] {
	const delegates = new Set(forum.delegates.map((delegate) => delegate.personId));
	const visits = new Set(forum.visits.map((visit) => visit.id));
	return forum.rows.filter((row) => delegates.has(row.person_id) && visits.has(row.programme_item_id));
}

function describe(forum: ForumInstance): Pick<Consolidation, 'slots' | 'visits' | 'delegates' | 'locks' | 'totals'> {
	const rows = currentRows(forum);
	const visitById = new Map(forum.visits.map((visit) => [visit.id, visit]));
	const fill = new Map<string, number>();
	const lockedFill = new Map<string, number>();
	for (const row of rows) {
		fill.set(row.programme_item_id, (fill.get(row.programme_item_id) ?? 0) + 1);
		if (row.locked) lockedFill.set(row.programme_item_id, (lockedFill.get(row.programme_item_id) ?? 0) + 1);
	}
	const delegates: DelegateRow[] = forum.delegates.map((delegate) => {
		const placements: DelegateRow['placements'] = {};
		for (const row of rows.filter((row) => row.person_id === delegate.personId)) {
			placements[visitById.get(row.programme_item_id)!.slot] = { visit: row.programme_item_id, rank: row.rank, locked: row.locked === 1, source: row.source, reason: row.lock_reason };
		}
		const missed: Missed[] = [];
		const withoutVisit: string[] = [];
		delegate.preferences.forEach((visitId, index) => {
			const visit = visitById.get(visitId)!;
			const placement = placements[visit.slot];
			const rank = index + 1;
			if (placement?.visit === visitId) return;
			if (placement && placement.rank !== null && placement.rank < rank) return;
			if (!placement && !withoutVisit.includes(visit.slot)) withoutVisit.push(visit.slot);
			const filled = fill.get(visitId) ?? 0;
			if (placement?.locked) missed.push({ visit: visitId, slot: visit.slot, rank, reason: 'locked-into-another-visit', lockedVisit: placement.visit });
			else if (filled >= visit.capacity) missed.push({ visit: visitId, slot: visit.slot, rank, reason: 'full', filled, capacity: visit.capacity });
			else missed.push({ visit: visitId, slot: visit.slot, rank, reason: 'free', filled, capacity: visit.capacity });
		});
		return { ...delegate, placements, missed, withoutVisit };
	});
	return {
		slots: forum.slots,
		visits: forum.visits.map((visit) => ({ ...visit, filled: fill.get(visit.id) ?? 0, locked: lockedFill.get(visit.id) ?? 0 })),
		delegates,
		locks: rows.filter((row) => row.locked === 1).map((row) => ({ personId: row.person_id, visitId: row.programme_item_id, reason: row.lock_reason, source: row.source })),
		totals: totalsOf(rows)
	};
}

function readOptions(json: string): ConsolidationOptions {
	try {
		return { ...NO_OPTIONAL_RULES, ...(JSON.parse(json) as Partial<ConsolidationOptions>) };
	} catch {
		return NO_OPTIONAL_RULES;
	}
}

/** The consolidation page (coordinators): visits, delegates, locks, the current assignment and its explanations. */
export async function getConsolidation(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number): Promise<Result<Consolidation, 'NOT_FOUND'>> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum, round } = loaded.value;
	const instance = await readForumInstance(context.db, forum.id);
	const run = await repository.findRun(context.db, forum.id);
	return ok({
		forum,
		round,
		deadlinePassed: round !== null && new Date(round.deadlineAt).getTime() <= context.clock().getTime(),
		run: run ? { computedAt: run.computed_at, options: readOptions(run.options), publishedAt: run.published_at } : null,
		...describe(instance)
	});
}

/** The instance the solver gets for a forum (coordinators): for checking, and for the tests. */
export async function getForumInstance(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number): Promise<Result<VisitAssignmentInstance, 'NOT_FOUND'>> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	return ok((await readForumInstance(context.db, loaded.value.forum.id)).instance);
}

export type ComputeFailure = 'NOT_FOUND' | 'INVALID_INSTANCE' | 'NO_VISITS';

/**
 * Computes the assignment and stores it, in one transaction: the computed rows are replaced, the
 * locks kept (locks of people no longer delegates are removed). Returns the totals.
 */
export async function computeAssignment(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	options: ConsolidationOptions
): Promise<Result<Totals, ComputeFailure> | { ok: false; reason: 'INVALID_INSTANCE'; problems: InstanceProblem[] }> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const forumId = loaded.value.forum.id;
	const now = context.clock().toISOString();
	const userId = actor.kind === 'user' ? actor.userId : null;
	return context.db.transaction().execute(async (transaction) => {
		const forum = await readForumInstance(transaction, forumId);
		if (forum.visits.length === 0) return fail('NO_VISITS');
		const outcome = assignVisits(forum.instance);
		if (!outcome.ok) return { ok: false as const, reason: 'INVALID_INSTANCE' as const, problems: outcome.problems };
		const placed = applyOptionalRules(forum.instance, outcome.result.assignments, options);
		const rankOf = new Map(forum.delegates.map((delegate) => [delegate.personId, delegate.preferences]));
		const computed: VisitAssignmentTable[] = placed
			.filter((placement) => !placement.locked)
			.map((placement) => ({
				forum_id: forumId,
				person_id: placement.delegate,
				programme_item_id: placement.visit,
				rank: rankOf.get(placement.delegate)!.indexOf(placement.visit) + 1 || null,
				locked: 0,
				lock_reason: null,
				source: 'computed' as const,
				created_at: now
			}));
		await repository.deleteComputedAssignments(transaction, forumId, forum.delegates.map((delegate) => delegate.personId));
		await repository.insertAssignments(transaction, computed);
		const totals = { filled: outcome.result.filled, rankSum: outcome.result.rankSum };
		await repository.saveRun(transaction, {
			forum_id: forumId,
			computed_at: now,
			computed_by_user_id: userId,
			options: JSON.stringify(options),
			filled: totals.filled,
			rank_sum: totals.rankSum,
			published_at: null,
			updated_at: now
		});
		return ok(totals);
	});
}

export type PlacementFailure = 'NOT_FOUND' | 'UNKNOWN_DELEGATE' | 'UNKNOWN_VISIT' | 'ALREADY_THERE';

export interface PlacementPreview {
	before: Totals;
	after: Totals;
	/** The visit the delegate leaves in that slot, if any. */
	leaves: string | null;
	rank: number | null;
	visit: { filled: number; capacity: number };
}

/**
 * Puts a delegate on a visit as a lock (source 'lock', decided beforehand, with its reason) or a
 * move by hand (source 'move'): they leave their visit of that slot. Refused when the visit is
 * full (a move never exceeds a capacity). With `confirm` false, nothing is written: the effect on
 * the totals is returned (the preview step).
 */
export async function placeDelegate(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	input: PlacementInput,
	{ source, confirm }: { source: 'lock' | 'move'; confirm: boolean }
): Promise<Result<PlacementPreview, PlacementFailure> | { ok: false; reason: 'VISIT_FULL'; filled: number; capacity: number }> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const forumId = loaded.value.forum.id;
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (transaction) => {
		const forum = await readForumInstance(transaction, forumId);
		const delegate = forum.delegates.find((candidate) => candidate.personId === input.personId);
		if (!delegate) return fail('UNKNOWN_DELEGATE', 'personId');
		const visit = forum.visits.find((candidate) => candidate.id === input.visitId);
		if (!visit) return fail('UNKNOWN_VISIT', 'visitId');
		const rows = currentRows(forum);
		const slotVisits = new Set(forum.visits.filter((candidate) => candidate.slot === visit.slot).map((candidate) => candidate.id));
		const current = rows.find((row) => row.person_id === delegate.personId && slotVisits.has(row.programme_item_id));
		if (current?.programme_item_id === visit.id && (source === 'move' || current.locked === 1)) return fail('ALREADY_THERE', 'visitId');
		const filled = rows.filter((row) => row.programme_item_id === visit.id && row.person_id !== delegate.personId).length;
		if (filled >= visit.capacity) return { ok: false as const, reason: 'VISIT_FULL' as const, filled, capacity: visit.capacity };
		const rank = delegate.preferences.indexOf(visit.id) + 1 || null;
		const before = totalsOf(rows);
		const after = totalsOf([...rows.filter((row) => row !== current), { rank }]);
		const preview: PlacementPreview = { before, after, leaves: current && current.programme_item_id !== visit.id ? current.programme_item_id : null, rank, visit: { filled, capacity: visit.capacity } };
		if (!confirm) return ok(preview);
		await repository.deleteAssignmentsOfPerson(transaction, forumId, delegate.personId, [...slotVisits]);
		await repository.insertAssignments(transaction, [
			{ forum_id: forumId, person_id: delegate.personId, programme_item_id: visit.id, rank, locked: 1, lock_reason: input.reason || null, source, created_at: now }
		]);
		await repository.updateRunTotals(transaction, forumId, { filled: after.filled, rank_sum: after.rankSum, updated_at: now });
		return ok(preview);
	});
}

/** Removes a lock (or a move): the delegate has no visit in that slot until the next computation. */
export async function removeLock(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	input: { personId: string; visitId: string }
): Promise<Result<Totals, 'NOT_FOUND'>> {
	const loaded = await loadManaged(context, actor, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const forumId = loaded.value.forum.id;
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (transaction) => {
		const forum = await readForumInstance(transaction, forumId);
		const lock = forum.rows.find((row) => row.person_id === input.personId && row.programme_item_id === input.visitId && row.locked === 1);
		if (!lock) return fail('NOT_FOUND');
		await repository.deleteAssignmentsOfPerson(transaction, forumId, input.personId, [input.visitId]);
		const totals = totalsOf(currentRows(forum).filter((row) => row !== lock));
		await repository.updateRunTotals(transaction, forumId, { filled: totals.filled, rank_sum: totals.rankSum, updated_at: now });
		return ok(totals);
	});
}
