import type { Kysely } from 'kysely';
import { searchKeys } from '../../directory/search-keys';

/** Search keys on organisations and people (directory/search-keys.ts), filled for existing rows. */
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['organisation', 'person']) {
		await db.schema.alterTable(table).addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
		await db.schema.alterTable(table).addColumn('search_initials', 'text', (c) => c.notNull().defaultTo('')).execute();
	}
	for (const row of await db.selectFrom('organisation').select(['id', 'name_fr', 'name_ko', 'name_en']).execute()) {
		const keys = searchKeys([row.name_fr, row.name_ko, row.name_en]);
		await db.updateTable('organisation').set({ search_text: keys.text, search_initials: keys.initials }).where('id', '=', row.id).execute();
	}
	for (const row of await db.selectFrom('person').select(['id', 'given_name', 'family_name', 'email']).execute()) {
		const keys = searchKeys([`${row.given_name} ${row.family_name}`, `${row.family_name} ${row.given_name}`, row.email]);
		await db.updateTable('person').set({ search_text: keys.text, search_initials: keys.initials }).where('id', '=', row.id).execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of ['organisation', 'person']) {
		await db.schema.alterTable(table).dropColumn('search_initials').execute();
		await db.schema.alterTable(table).dropColumn('search_text').execute();
	}
}
