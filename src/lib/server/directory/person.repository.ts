/** SQL for one person and their titles: reading, editing, and the titles' dates (issue 3 §3). */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { personSearchKeys } from './directory.repository';
import type { NewPerson, PersonTable, PersonTitleTable } from './directory.table';

export async function findPersonById(db: Executor, id: string): Promise<PersonTable | undefined> {
	return db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A person with their organisation's names, for a group's page (its president). */
export async function findPersonWithOrganisation(db: Executor, id: string) {
	return db
		.selectFrom('person')
		.leftJoin('organisation', 'organisation.id', 'person.organisation_id')
		.select([
			'person.id',
			'person.given_name',
			'person.family_name',
			'person.name_order',
			'person.organisation_id',
			'organisation.name_fr as organisation_name_fr',
			'organisation.name_ko as organisation_name_ko',
			'organisation.name_en as organisation_name_en'
		])
		.where('person.id', '=', id)
		.executeTakeFirst();
}

export async function listTitlesOfPerson(db: Executor, personId: string): Promise<PersonTitleTable[]> {
	return db.selectFrom('person_title').selectAll().where('person_id', '=', personId).orderBy('valid_from', 'desc').orderBy('id').execute();
}

/** Other people with this e-mail, whatever its case ("an e-mail already used", issue 3 Bad input). */
export async function listOtherPeopleWithEmail(db: Executor, email: string, exceptPersonId: string) {
	return db
		.selectFrom('person')
		.select(['id', 'given_name', 'family_name', 'organisation_id'])
		.where(sql<string>`lower(email)`, '=', email.toLowerCase())
		.where('id', '!=', exceptPersonId)
		.execute();
}

/** Applies the changes; the search keys follow the names and the e-mail (the whole row is read back). */
export async function updatePerson(db: Executor, id: string, changes: Partial<Omit<NewPerson, 'id' | 'created_at'>>): Promise<void> {
	await db.updateTable('person').set(changes).where('id', '=', id).execute();
	if ('given_name' in changes || 'family_name' in changes || 'email' in changes) {
		const row = await db.selectFrom('person').select(['given_name', 'family_name', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
		await db.updateTable('person').set(personSearchKeys(row)).where('id', '=', id).execute();
	}
}

export async function insertTitle(db: Executor, row: PersonTitleTable): Promise<void> {
	await db.insertInto('person_title').values(row).execute();
}

export async function updateTitle(db: Executor, id: string, changes: Partial<Omit<PersonTitleTable, 'id' | 'person_id'>>): Promise<void> {
	await db.updateTable('person_title').set(changes).where('id', '=', id).execute();
}

export async function deleteTitle(db: Executor, id: string): Promise<void> {
	await db.deleteFrom('person_title').where('id', '=', id).execute();
}
