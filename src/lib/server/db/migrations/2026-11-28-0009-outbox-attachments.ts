import type { Kysely } from 'kysely';

/**
 * Attachments of an outgoing e-mail (issue 4 §1: an invitation carries its calendar file), kept
 * with the message in the outbox so a retry sends exactly the same thing. JSON text: an array of
 * { filename, contentType, content } with the content as text (calendar files are text; a binary
 * attachment would be base64 with encoding 'base64').
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('outbox').dropColumn('attachments').execute();
}
