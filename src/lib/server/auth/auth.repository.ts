/** All SQL of accounts, sessions, sign-in tokens and rate limits. */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import type { UserAccountTable } from './auth.table';
import type { GroupRole } from './policy';

export type UserRow = UserAccountTable;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
	return db.selectFrom('user_account').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
	return db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(db: Executor, row: UserRow): Promise<void> {
	await db.insertInto('user_account').values(row).execute();
}

export async function updateUser(
	db: Executor,
	id: string,
	changes: Partial<Pick<UserRow, 'name' | 'preferred_language' | 'password_hash' | 'email_verified_at' | 'is_administrator'>>
): Promise<void> {
	await db.updateTable('user_account').set(changes).where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
	const row = await db.selectFrom('user_account').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function listUsers(db: Executor): Promise<UserRow[]> {
	return db.selectFrom('user_account').selectAll().orderBy('email').execute();
}

export async function insertSession(
	db: Executor,
	row: { id: string; user_id: string; created_at: string; expires_at: string }
): Promise<void> {
	await db.insertInto('session').values(row).execute();
}

/** The live session with this digest and its account, in one query (it runs on every signed-in request). */
export async function findLiveSession(db: Executor, digest: string, nowIso: string) {
	return db
		.selectFrom('session')
		.innerJoin('user_account', 'user_account.id', 'session.user_id')
		.leftJoin('person', 'person.id', 'user_account.person_id')
		.select([
			'person.organisation_id',
			'session.id as session_id',
			'session.expires_at',
			'session.created_at as session_created_at',
			'user_account.id',
			'user_account.email',
			'user_account.name',
			'user_account.preferred_language',
			'user_account.is_administrator',
			'user_account.person_id',
			'user_account.password_hash'
		])
		.where('session.id', '=', digest)
		.where('session.expires_at', '>', nowIso)
		.executeTakeFirst();
}

export async function extendSession(db: Executor, digest: string, expiresAt: string): Promise<void> {
	await db.updateTable('session').set({ expires_at: expiresAt }).where('id', '=', digest).execute();
}

export async function deleteSession(db: Executor, digest: string): Promise<void> {
	await db.deleteFrom('session').where('id', '=', digest).execute();
}

export async function deleteSessionsOfUserExcept(db: Executor, userId: string, keepDigest: string): Promise<void> {
	await db.deleteFrom('session').where('user_id', '=', userId).where('id', '!=', keepDigest).execute();
}

export async function deleteExpired(db: Executor, nowIso: string): Promise<void> {
	await db.deleteFrom('session').where('expires_at', '<=', nowIso).execute();
	await db.deleteFrom('login_token').where('expires_at', '<=', nowIso).execute();
	await db.deleteFrom('rate_limit').where('window_start', '<', new Date(Date.parse(nowIso) - 86_400_000).toISOString()).execute();
}

export async function insertLoginToken(
	db: Executor,
	row: { token_digest: string; purpose: 'magic-link' | 'invitation'; user_id: string; created_at: string; expires_at: string; redirect_to: string | null }
): Promise<void> {
	await db.insertInto('login_token').values({ ...row, used_at: null }).execute();
}

/** A token that is still usable, without using it (to show the invitation form). */
export async function findUsableLoginToken(db: Executor, digest: string, purpose: string, nowIso: string) {
	return db
		.selectFrom('login_token')
		.select(['user_id', 'redirect_to', 'expires_at'])
		.where('token_digest', '=', digest)
		.where('purpose', '=', purpose as 'magic-link')
		.where('used_at', 'is', null)
		.where('expires_at', '>', nowIso)
		.executeTakeFirst();
}

/**
 * Uses a token once: the conditional update succeeds for exactly one caller, even when two
 * processes race on the same link.
 */
export async function consumeLoginToken(db: Executor, digest: string, purpose: string, nowIso: string) {
	return db
		.updateTable('login_token')
		.set({ used_at: nowIso })
		.where('token_digest', '=', digest)
		.where('purpose', '=', purpose as 'magic-link')
		.where('used_at', 'is', null)
		.where('expires_at', '>', nowIso)
		.returning(['user_id', 'redirect_to'])
		.executeTakeFirst();
}

/** Counts one hit in a fixed window and returns the count so far; shared by every process. */
export async function countHit(db: Executor, bucket: string, windowStart: string): Promise<number> {
	const row = await db
		.insertInto('rate_limit')
		.values({ bucket, window_start: windowStart, hits: 1 })
		.onConflict((conflict) =>
			conflict.columns(['bucket', 'window_start']).doUpdateSet({ hits: sql`rate_limit.hits + 1` })
		)
		.returning('hits')
		.executeTakeFirstOrThrow();
	return Number(row.hits);
}

/**
 * The account's roles per group: roles given to the account itself, and those its person's
 * organisation brings through an active membership ('member' or 'partner' capacity).
 */
export async function listGroupRoles(db: Executor, userId: string, personId: string | null) {
	const explicit = await db
		.selectFrom('group_role')
		.select(['group_id', 'role'])
		.where('user_id', '=', userId)
		.execute();
	const derived = personId
		? await db
				.selectFrom('person')
				.innerJoin('group_membership', 'group_membership.organisation_id', 'person.organisation_id')
				.select(['group_membership.group_id', 'group_membership.capacity as role'])
				.where('person.id', '=', personId)
				.where('group_membership.status', '=', 'active')
				.execute()
		: [];
	return [...explicit, ...derived] as { group_id: string; role: GroupRole }[];
}

export async function setGroupRole(db: Executor, userId: string, groupId: string, role: GroupRole): Promise<void> {
	await db
		.insertInto('group_role')
		.values({ user_id: userId, group_id: groupId, role })
		.onConflict((conflict) => conflict.columns(['user_id', 'group_id']).doUpdateSet({ role }))
		.execute();
}

/** Takes one role away from an account in a group (only that role: another one is left as it is). */
export async function removeGroupRole(db: Executor, userId: string, groupId: string, role: GroupRole): Promise<void> {
	await db.deleteFrom('group_role').where('user_id', '=', userId).where('group_id', '=', groupId).where('role', '=', role).execute();
}

export async function findOrganisationOfPerson(db: Executor, personId: string): Promise<string | null> {
	const row = await db.selectFrom('person').select('organisation_id').where('id', '=', personId).executeTakeFirst();
	return row?.organisation_id ?? null;
}
