/**
 * The outbox: a message is written here in the same transaction as the change that causes it, and
 * the sender delivers it later. Nothing is sent from inside a request.
 */
export interface OutboxTable {
	id: string;
	/** Stable Message-ID, so that a retry after an uncertain delivery is recognisable downstream. */
	message_id: string;
	to_address: string;
	subject: string;
	text_body: string;
	html_body: string | null;
	/** JSON: [{ filename, contentType, content, encoding? }], e.g. an invitation's calendar file; null for none. */
	attachments: string | null;
	/** 'pending' until delivered ('sent'), or 'failed' after the last attempt. */
	status: 'pending' | 'sent' | 'failed';
	attempts: number;
	next_attempt_at: string;
	/** A sender holds a message until this instant while it delivers it; others skip it. */
	locked_until: string | null;
	locked_by: string | null;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

export interface MailTables {
	outbox: OutboxTable;
}
