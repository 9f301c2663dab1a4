import type { Kysely } from 'kysely';

/** Issue 4 follow-ups (owned by the issue-4 helper): filled in by that work. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
