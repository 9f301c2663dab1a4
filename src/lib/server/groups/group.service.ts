/**
 * Administering country groups (issue 3 §1): an administrator creates a group for any country,
 * with its names and descriptions in French, Korean and English, names its president among the
 * people of its member organisations and its coordinators among existing accounts. Every change
 * is written with its change-log entry (entity 'group') in the same transaction.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { findUserByEmail, removeGroupRole, setGroupRole } from '../auth/auth.repository';
import { authorize, type Actor } from '../auth/policy';
import { isUniqueViolation } from '../db/constraint-errors';
import { recordChange } from '../directory/change-log';
import { isCountryCode } from '../directory/country';
import * as directory from '../directory/directory.repository';
import type { CountryGroupTable } from '../directory/directory.table';
import { formatPersonName } from '../directory/person-name';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './group.repository';
import type { GroupInput } from './group.schema';

/** The fields of a group the forms edit, and their columns. */
const GROUP_FIELDS = {
	slug: 'slug',
	countryCode: 'country_code',
	nameFr: 'name_fr',
	nameKo: 'name_ko',
	nameEn: 'name_en',
	descriptionFr: 'description_fr',
	descriptionKo: 'description_ko',
	descriptionEn: 'description_en',
	defaultTimezone: 'default_timezone',
	presidentPersonId: 'president_person_id'
} as const satisfies Record<keyof GroupInput, keyof CountryGroupTable>;
type GroupField = keyof typeof GROUP_FIELDS;

export interface GroupSummary {
	id: string;
	slug: string;
	countryCode: string;
	name: Record<Locale, string>;
	membershipCount: number;
	coordinatorCount: number;
}

export interface GroupHistoryEntry {
	id: string;
	at: string;
	action: 'create' | 'update';
	by: string | null;
	changes: Record<string, unknown>;
}

export interface GroupAdministration {
	id: string;
	slug: string;
	name: Record<Locale, string>;
	/** The form's values, as text. */
	formValues: Record<GroupField, string>;
	presidentCandidates: { id: string; displayName: string; organisationName: Record<Locale, string | null> }[];
	coordinators: { userId: string; email: string; name: string }[];
	history: GroupHistoryEntry[];
}

export type GroupRefusal = 'SLUG_TAKEN' | 'UNKNOWN_COUNTRY' | 'UNKNOWN_PRESIDENT' | 'COUNTRY_IN_USE';

function actorId(actor: Actor): string | null {
	return actor.kind === 'user' ? actor.userId : null;
}

function nameOf(row: Pick<CountryGroupTable, 'name_fr' | 'name_ko' | 'name_en'>): Record<Locale, string> {
	return { fr: row.name_fr, ko: row.name_ko, en: row.name_en };
}

/** Every group of the platform, for the administration's list. */
export async function listGroupsToAdminister(context: ServiceContext, actor: Actor): Promise<Result<GroupSummary[]>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const rows = await repository.listGroupsWithCounts(context.db);
	return ok(
		rows.map((row) => ({
			id: row.id,
			slug: row.slug,
			countryCode: row.country_code,
			name: nameOf(row),
			membershipCount: row.membership_count,
			coordinatorCount: row.coordinator_count
		}))
	);
}

/** Whether the actor may open the page that creates a group (administrators only). */
export function checkGroupCreation(actor: Actor): Result<null> {
	return authorize(actor, 'platform.administer') ?? ok(null);
}

/** The slug is free (or is this group's own), and the country is one ISO 3166-1 knows. */
async function checkGroupInput(context: ServiceContext, input: GroupInput, groupId: string | null) {
	if (!isCountryCode(input.countryCode)) return fail('UNKNOWN_COUNTRY' as const, 'countryCode');
	const sameSlug = await directory.findGroupBySlug(context.db, input.slug);
	if (sameSlug && sameSlug.id !== groupId) return fail('SLUG_TAKEN' as const, 'slug');
	return null;
}

/**
 * Creates a country group. Its president is named once the group has member organisations
 * (on the edit page): a new group has none yet.
 */
export async function createGroup(context: ServiceContext, actor: Actor, input: GroupInput): Promise<Result<{ id: string; slug: string }, GroupRefusal>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const refused = await checkGroupInput(context, input, null);
	if (refused) return refused;
	const now = context.clock().toISOString();
	const id = newId();
	const row: CountryGroupTable = {
		id,
		slug: input.slug,
		country_code: input.countryCode,
		name_fr: input.nameFr,
		name_ko: input.nameKo,
		name_en: input.nameEn,
		description_fr: input.descriptionFr,
		description_ko: input.descriptionKo,
		description_en: input.descriptionEn,
		created_at: now,
		president_person_id: null,
		default_timezone: input.defaultTimezone
	};
	try {
		await context.db.transaction().execute(async (transaction) => {
			await directory.insertGroup(transaction, row);
			await recordChange(transaction, {
				entity_type: 'group',
				entity_id: id,
				user_id: actorId(actor),
				at: now,
				action: 'create',
				changes: { slug: input.slug, countryCode: input.countryCode, nameFr: input.nameFr, nameKo: input.nameKo, nameEn: input.nameEn }
			});
		});
	} catch (error) {
		// Two administrators creating the same slug at once: the unique index decides.
		if (isUniqueViolation(error)) return fail('SLUG_TAKEN', 'slug');
		throw error;
	}
	return ok({ id, slug: input.slug });
}

async function findGroup(context: ServiceContext, groupId: string) {
	return isId(groupId) ? directory.findGroupById(context.db, groupId) : undefined;
}

/** A group as its administration page shows it: the form, president candidates, coordinators, history. */
export async function getGroupToAdminister(context: ServiceContext, actor: Actor, groupId: string): Promise<Result<GroupAdministration, 'NOT_FOUND'>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const row = await findGroup(context, groupId);
	if (!row) return fail('NOT_FOUND');
	const candidates = await repository.listPresidentCandidates(context.db, row.id);
	const coordinators = await repository.listCoordinators(context.db, row.id);
	const history = await directory.listChangeLog(context.db, 'group', [row.id]);
	const formValues = Object.fromEntries(
		Object.entries(GROUP_FIELDS).map(([field, column]) => [field, row[column] ?? ''])
	) as Record<GroupField, string>;
	return ok({
		id: row.id,
		slug: row.slug,
		name: nameOf(row),
		formValues,
		presidentCandidates: candidates.map((person) => ({
			id: person.id,
			displayName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
			organisationName: { fr: person.organisation_name_fr, ko: person.organisation_name_ko, en: person.organisation_name_en }
		})),
		coordinators: coordinators.map((account) => ({ userId: account.id, email: account.email, name: account.name })),
		history: history.map((entry) => ({
			id: entry.id,
			at: entry.at,
			action: entry.action,
			by: entry.user_name || entry.user_email || null,
			changes: JSON.parse(entry.changes) as Record<string, unknown>
		}))
	});
}

/**
 * Changes a group. Only what differs is written, with one change-log entry giving each field
 * before and after. The president must be a person of one of the group's member organisations.
 */
export async function updateGroup(
	context: ServiceContext,
	actor: Actor,
	groupId: string,
	input: GroupInput
): Promise<Result<{ changed: string[]; slug: string }, GroupRefusal | 'NOT_FOUND'>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const row = await findGroup(context, groupId);
	if (!row) return fail('NOT_FOUND');
	const refused = await checkGroupInput(context, input, row.id);
	if (refused) return refused;
	// Its partnerships' foreign sides are in the group's country: they would no longer fit.
	if (input.countryCode !== row.country_code && (await repository.countPartnerships(context.db, row.id)) > 0) return fail('COUNTRY_IN_USE', 'countryCode');
	if (input.presidentPersonId !== null && input.presidentPersonId !== row.president_person_id) {
		const candidates = await repository.listPresidentCandidates(context.db, row.id);
		if (!candidates.some((person) => person.id === input.presidentPersonId)) return fail('UNKNOWN_PRESIDENT', 'presidentPersonId');
	}
	const changes: Record<string, [unknown, unknown]> = {};
	const update: Partial<CountryGroupTable> = {};
	for (const [field, column] of Object.entries(GROUP_FIELDS) as [GroupField, keyof CountryGroupTable][]) {
		if (row[column] !== input[field]) {
			changes[field] = [row[column], input[field]];
			(update as Record<string, unknown>)[column] = input[field];
		}
	}
	if (Object.keys(changes).length === 0) return ok({ changed: [], slug: row.slug });
	try {
		await context.db.transaction().execute(async (transaction) => {
			await repository.updateGroup(transaction, row.id, update);
			await recordChange(transaction, {
				entity_type: 'group',
				entity_id: row.id,
				user_id: actorId(actor),
				at: context.clock().toISOString(),
				action: 'update',
				changes
			});
		});
	} catch (error) {
		if (isUniqueViolation(error)) return fail('SLUG_TAKEN', 'slug');
		throw error;
	}
	return ok({ changed: Object.keys(changes), slug: input.slug });
}

/**
 * Makes an existing account a coordinator of the group (accounts are created by invitation, on
 * the administration page). An account that already coordinates it is left as it is.
 */
export async function addCoordinator(
	context: ServiceContext,
	actor: Actor,
	groupId: string,
	email: string
): Promise<Result<{ added: boolean }, 'NOT_FOUND' | 'UNKNOWN_ACCOUNT'>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const row = await findGroup(context, groupId);
	if (!row) return fail('NOT_FOUND');
	const account = await findUserByEmail(context.db, email.toLowerCase());
	if (!account) return fail('UNKNOWN_ACCOUNT', 'email');
	const coordinators = await repository.listCoordinators(context.db, row.id);
	if (coordinators.some((coordinator) => coordinator.id === account.id)) return ok({ added: false });
	await context.db.transaction().execute(async (transaction) => {
		await setGroupRole(transaction, account.id, row.id, 'coordinator');
		await recordChange(transaction, {
			entity_type: 'group',
			entity_id: row.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { coordinator: [null, account.email] }
		});
	});
	return ok({ added: true });
}

/** Takes the coordinator role away from an account in the group (the account itself stays). */
export async function removeCoordinator(
	context: ServiceContext,
	actor: Actor,
	groupId: string,
	userId: string
): Promise<Result<{ removed: boolean }, 'NOT_FOUND'>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const row = await findGroup(context, groupId);
	if (!row) return fail('NOT_FOUND');
	const coordinator = (await repository.listCoordinators(context.db, row.id)).find((account) => account.id === userId);
	if (!coordinator) return ok({ removed: false });
	await context.db.transaction().execute(async (transaction) => {
		await removeGroupRole(transaction, coordinator.id, row.id, 'coordinator');
		await recordChange(transaction, {
			entity_type: 'group',
			entity_id: row.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { coordinator: [coordinator.email, null] }
		});
	});
	return ok({ removed: true });
}
