import { sql, type Kysely } from 'kysely';

/**
 * One person per e-mail address, whatever its case (issue 3 "an e-mail already used"). The
 * services check first, to answer on the field; this index settles two saves at the same moment,
 * and makes that check an index look-up instead of a scan of every person.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await sql`create unique index person_email_unique on person (lower(email)) where email is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index person_email_unique`.execute(db);
}
