/**
 * An organisation's membership of a group (issue 3 §4): as member or partner, since when, active or
 * former. Coordinators keep it; a former member keeps its record and history but no longer gives
 * its people a role in the group (policy: roles come from active memberships only).
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, type Actor } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { recordChange } from './change-log';
import * as directory from './directory.repository';
import type { GroupMembershipTable } from './directory.table';
import * as repository from './membership.repository';
import type { MembershipInput } from './membership.schema';

export interface Membership {
	capacity: GroupMembershipTable['capacity'];
	since: string | null;
	status: GroupMembershipTable['status'];
}

/**
 * Changes an organisation's membership of a group; writes only what differs, with one change-log
 * entry on the organisation ("membership.status: active → former"), in the same transaction.
 */
export async function updateMembership(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	input: MembershipInput
): Promise<Result<{ changed: (keyof Membership)[] }, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	if (!isId(organisationId)) return fail('NOT_FOUND');
	return context.db.transaction().execute(async (db) => {
		const membership = await repository.findMembership(db, group.id, organisationId);
		if (!membership) return fail('NOT_FOUND');
		const changes: Partial<Membership> = {};
		const log: Record<string, [unknown, unknown]> = {};
		for (const field of ['capacity', 'since', 'status'] as const) {
			if (membership[field] !== input[field]) {
				(changes as Record<string, unknown>)[field] = input[field];
				log[`membership.${field}`] = [membership[field], input[field]];
			}
		}
		const changed = Object.keys(changes) as (keyof Membership)[];
		if (changed.length === 0) return ok({ changed });
		await repository.updateMembership(db, membership.id, changes);
		await recordChange(db, {
			entity_type: 'organisation',
			entity_id: organisationId,
			user_id: actor.kind === 'user' ? actor.userId : null,
			at: context.clock().toISOString(),
			action: 'update',
			changes: log
		});
		return ok({ changed });
	});
}

/** The group's former members and partners (status 'former'), for those who may see the group. */
export async function listFormerMembers(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string
): Promise<Result<{ id: string; name: Record<Locale, string | null>; kind: string; countryCode: string; capacity: Membership['capacity']; since: string | null }[], 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const rows = await repository.listFormerMembers(context.db, group.id);
	return ok(
		rows.map((row) => ({
			id: row.id,
			name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
			kind: row.kind,
			countryCode: row.country_code,
			capacity: row.capacity,
			since: row.since
		}))
	);
}

/**
 * The organisation's membership of the group as its record page shows it, and whether the actor
 * may change it; null when the organisation is not (or no longer) in the group's memberships.
 */
export async function getMembership(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string
): Promise<Result<{ membership: Membership | null; canManage: boolean }, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const row = isId(organisationId) ? await repository.findMembership(context.db, group.id, organisationId) : undefined;
	return ok({
		membership: row ? { capacity: row.capacity, since: row.since, status: row.status } : null,
		canManage: authorize(actor, 'group.manage', group.id) === null
	});
}

/**
 * Adds an organisation that already exists in Dari (found as a duplicate while creating it, or a
 * former member) to the group, as member or partner; reactivates a former membership rather than
 * creating a second one. Coordinators of the group and administrators.
 */
export async function addOrganisationToGroup(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	capacity: Membership['capacity']
): Promise<Result<{ added: boolean }, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	if (!isId(organisationId)) return fail('NOT_FOUND');
	return context.db.transaction().execute(async (db) => {
		const organisation = await directory.findOrganisationById(db, organisationId);
		if (!organisation) return fail('NOT_FOUND');
		const membership = await repository.findMembership(db, group.id, organisationId);
		if (membership?.status === 'active') return ok({ added: false });
		const at = context.clock().toISOString();
		if (membership) {
			await repository.updateMembership(db, membership.id, { status: 'active', capacity });
		} else {
			await directory.insertMembership(db, { id: newId(), group_id: group.id, organisation_id: organisationId, capacity, since: at.slice(0, 10), status: 'active' });
		}
		await recordChange(db, {
			entity_type: 'organisation',
			entity_id: organisationId,
			user_id: actor.kind === 'user' ? actor.userId : null,
			at,
			action: 'update',
			changes: { 'membership.status': [membership?.status ?? null, 'active'], 'membership.capacity': [membership?.capacity ?? null, capacity] }
		});
		return ok({ added: true });
	});
}
