import type { Kysely } from 'kysely';

/** Registrations of interest, reminders and personal links (issue 5 §5–6): filled in by that work. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
