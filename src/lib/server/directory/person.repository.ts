/** SQL for one person and their titles: reading, editing, and the titles' dates (issue 3 §3). */
import { sql } from 'kysely';
import type { Executor } from '../db/database';
import { personSearchKeys } from './directory.repository';
import type { NewPerson, PersonAffiliationTable, PersonTable, PersonTitleTable } from './directory.table';
import { newId } from '../shared/identifier';

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

/**
 * Every organisation the given people belonged to, with its dates and names (the caller picks the
 * one of the day, organisationOn in person-affiliations.ts).
 */
export async function listAffiliationsOfPeople(db: Executor, personIds: string[]) {
	if (personIds.length === 0) return [];
	return db
		.selectFrom('person_affiliation')
		.innerJoin('organisation', 'organisation.id', 'person_affiliation.organisation_id')
		.select([
			'person_affiliation.person_id',
			'person_affiliation.organisation_id',
			'person_affiliation.valid_from',
			'person_affiliation.valid_to',
			'organisation.name_fr',
			'organisation.name_ko',
			'organisation.name_en'
		])
		.where('person_affiliation.person_id', 'in', personIds)
		.orderBy('person_affiliation.person_id')
		.orderBy('person_affiliation.valid_from')
		.execute();
}

/** A person's first affiliation, opened when they are added to the directory (see insertPerson). */
export async function insertAffiliation(db: Executor, row: PersonAffiliationTable): Promise<void> {
	await db.insertInto('person_affiliation').values(row).execute();
}

/**
 * Records that from `day` (YYYY-MM-DD) the person belongs to `organisationId` (null: to none):
 * the affiliation still open is closed on that day and a new one opens on it (on the day itself
 * the newer one wins, organisationOn). One opened that same day is replaced instead of leaving a
 * one-day stay. Call it in the transaction that changes person.organisation_id.
 */
export async function changeAffiliation(db: Executor, personId: string, organisationId: string | null, day: string): Promise<void> {
	const open = await db.selectFrom('person_affiliation').selectAll().where('person_id', '=', personId).where('valid_to', 'is', null).execute();
	if (open.length === 1 && open[0].organisation_id === organisationId) return;
	if (open.length === 0) {
		// A person added by a path that opened no affiliation: what they belonged to until now is kept.
		const person = await db.selectFrom('person').select('organisation_id').where('id', '=', personId).executeTakeFirst();
		if (person?.organisation_id && person.organisation_id !== organisationId) {
			await insertAffiliation(db, { id: newId(), person_id: personId, organisation_id: person.organisation_id, valid_from: null, valid_to: day });
		}
	}
	for (const row of open) {
		if (row.valid_from === day) await db.deleteFrom('person_affiliation').where('id', '=', row.id).execute();
		else await db.updateTable('person_affiliation').set({ valid_to: day }).where('id', '=', row.id).execute();
	}
	if (organisationId) await insertAffiliation(db, { id: newId(), person_id: personId, organisation_id: organisationId, valid_from: day, valid_to: null });
}
