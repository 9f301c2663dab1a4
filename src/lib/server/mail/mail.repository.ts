/** All SQL of the outbox. */
import type { Executor } from '../db/database';
import type { OutboxTable } from './mail.table';

export type OutboxRow = OutboxTable;

export async function insertOutboxMessage(db: Executor, row: OutboxRow): Promise<void> {
	await db.insertInto('outbox').values(row).execute();
}

/** Ids of messages due for an attempt and not held by another sender, oldest first. */
export async function listDueMessageIds(db: Executor, nowIso: string, limit: number): Promise<string[]> {
	const rows = await db
		.selectFrom('outbox')
		.select('id')
		.where('status', '=', 'pending')
		.where('next_attempt_at', '<=', nowIso)
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
		.orderBy('created_at')
		.limit(limit)
		.execute();
	return rows.map((row) => row.id);
}

/**
 * Takes one message for delivery. The conditional update succeeds for one sender only, so two Dari
 * processes never deliver the same message at once.
 */
export async function claimMessage(
	db: Executor,
	id: string,
	senderId: string,
	nowIso: string,
	lockedUntil: string
): Promise<OutboxRow | undefined> {
	return db
		.updateTable('outbox')
		.set({ locked_until: lockedUntil, locked_by: senderId })
		.where('id', '=', id)
		.where('status', '=', 'pending')
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', nowIso)]))
		.returningAll()
		.executeTakeFirst();
}

/** Extends a sender's claim while its SMTP exchange lasts; nothing if the claim is no longer its own. */
export async function renewClaim(db: Executor, id: string, senderId: string, lockedUntil: string): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ locked_until: lockedUntil })
		.where('id', '=', id)
		.where('locked_by', '=', senderId)
		.where('status', '=', 'pending')
		.execute();
}

export async function markSent(db: Executor, id: string, senderId: string, nowIso: string): Promise<void> {
	await db
		.updateTable('outbox')
		.set((eb) => ({
			status: 'sent',
			sent_at: nowIso,
			attempts: eb('attempts', '+', 1),
			locked_until: null,
			locked_by: null,
			last_error: null
		}))
		.where('id', '=', id)
		.where('locked_by', '=', senderId)
		.execute();
}

export async function markAttemptFailed(
	db: Executor,
	id: string,
	senderId: string,
	changes: { attempts: number; next_attempt_at: string; last_error: string; status: 'pending' | 'failed' }
): Promise<void> {
	await db
		.updateTable('outbox')
		.set({ ...changes, locked_until: null, locked_by: null })
		.where('id', '=', id)
		.where('locked_by', '=', senderId)
		.execute();
}

export async function listOutbox(db: Executor, limit: number, offset: number): Promise<OutboxRow[]> {
	return db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).offset(offset).execute();
}

export async function countOutbox(db: Executor): Promise<number> {
	const row = await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('count')).executeTakeFirstOrThrow();
	return Number(row.count);
}

export async function findOutboxMessage(db: Executor, id: string): Promise<OutboxRow | undefined> {
	return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}
