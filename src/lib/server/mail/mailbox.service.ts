/** The mailbox page: administrators read what Dari sent or is about to send. */
import { authorize, type Actor } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { isId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './mail.repository';

export interface MailboxEntry {
	id: string;
	to: string;
	subject: string;
	status: 'pending' | 'sent' | 'failed';
	attempts: number;
	createdAt: string;
	sentAt: string | null;
}

export interface MailboxMessage extends MailboxEntry {
	textBody: string;
	lastError: string | null;
}

function rowToMailboxEntry(row: repository.OutboxRow): MailboxEntry {
	return {
		id: row.id,
		to: row.to_address,
		subject: row.subject,
		status: row.status,
		attempts: Number(row.attempts),
		createdAt: row.created_at,
		sentAt: row.sent_at
	};
}

/** 50 a page: a screenful of subjects, and a cheap query however large the outbox grows. */
export const MAILBOX_PAGE_SIZE = 50;

export async function listMailbox(
	context: ServiceContext,
	actor: Actor,
	page: number
): Promise<Result<{ entries: MailboxEntry[]; page: number; pages: number }>> {
	const denied = authorize(actor, 'mailbox.read');
	if (denied) return denied;
	const total = await repository.countOutbox(context.db);
	const pages = Math.max(1, Math.ceil(total / MAILBOX_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const rows = await repository.listOutbox(context.db, MAILBOX_PAGE_SIZE, (current - 1) * MAILBOX_PAGE_SIZE);
	return ok({
		entries: rows.map(rowToMailboxEntry),
		page: current,
		pages
	});
}

export async function readMailboxMessage(context: ServiceContext, actor: Actor, id: string): Promise<Result<MailboxMessage, 'NOT_FOUND'>> {
	const denied = authorize(actor, 'mailbox.read');
	if (denied) return denied;
	const row = isId(id) ? await repository.findOutboxMessage(context.db, id) : undefined;
	if (!row) return fail('NOT_FOUND');
	return ok({ ...rowToMailboxEntry(row), textBody: row.text_body, lastError: row.last_error });
}
