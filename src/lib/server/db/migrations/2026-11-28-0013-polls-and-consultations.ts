import type { Kysely } from 'kysely';

/** Date polls and theme consultations (issue 5 §3–4): filled in by that work. */
export async function up(_db: Kysely<any>): Promise<void> {}

export async function down(_db: Kysely<any>): Promise<void> {}
