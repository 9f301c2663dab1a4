/**
 * Reading the e-mail Dari queued: without SMTP_URL it stays in the `outbox` table of the server's
 * SQLite file. Opened read-only for each look, so the tests never hold a lock the server waits on.
 */
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { DATABASE_FILE } from './environment';

export interface OutboxMessage {
	to: string;
	subject: string;
	text: string;
	createdAt: string;
}

/** The newest message to an address, or null. */
export function newestMessageTo(address: string): OutboxMessage | null {
	const database = new Database(DATABASE_FILE, { readonly: true, fileMustExist: true });
	try {
		const row = database
			.prepare(
				`SELECT to_address AS "to", subject, text_body AS text, created_at AS createdAt
				 FROM outbox WHERE lower(to_address) = lower(?) ORDER BY created_at DESC, rowid DESC LIMIT 1`
			)
			.get(address) as OutboxMessage | undefined;
		return row ?? null;
	} finally {
		database.close();
	}
}

/** Waits for a message to the address queued at or after `since` (the server's clock is ours). */
export async function waitForMessageTo(address: string, since: Date): Promise<OutboxMessage> {
	let found: OutboxMessage | null = null;
	await expect
		.poll(
			() => {
				found = newestMessageTo(address);
				return found !== null && Date.parse(found.createdAt) >= since.getTime() - 1000;
			},
			{ message: `an e-mail to ${address} in the outbox`, timeout: 5_000 }
		)
		.toBe(true);
	return found!;
}

/** The first link of a message to this app (the magic or invitation link). */
export function linkIn(message: OutboxMessage): URL {
	const match = message.text.match(/https?:\/\/\S+/);
	if (!match) throw new Error(`No link in the e-mail "${message.subject}":\n${message.text}`);
	return new URL(match[0]);
}
