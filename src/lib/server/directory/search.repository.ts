/**
 * The search box's queries over partnerships and good practices (issue 3 §8). Organisations and
 * people are in directory.repository.ts. Each filters the rows by their search keys, then by group:
 * both tables carry their group id, so no membership lookup is needed.
 */
import { sql } from 'kysely';
import type { Executor } from '../db/database';

type SearchColumn = 'search_text' | 'search_initials';

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Partnerships of a group whose keys (both sides' names, the region) contain every word. */
export function searchGroupPartnershipsQuery(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return db
		.selectFrom('partnership')
		.innerJoin('organisation as french', 'french.id', 'partnership.french_organisation_id')
		.leftJoin('organisation as foreign', 'foreign.id', 'partnership.foreign_organisation_id')
		.select([
			'partnership.id',
			'partnership.kind',
			'partnership.status',
			'partnership.foreign_country_code',
			'partnership.foreign_region',
			'french.name_fr as french_name_fr',
			'french.name_ko as french_name_ko',
			'french.name_en as french_name_en',
			'foreign.name_fr as foreign_name_fr',
			'foreign.name_ko as foreign_name_ko',
			'foreign.name_en as foreign_name_en'
		])
		.where('partnership.group_id', '=', groupId)
		.where((eb) => eb.and(words.map((word) => sql<boolean>`${sql.ref(`partnership.${column}`)} like ${`%${escapeLike(word)}%`} escape '\\'`)))
		.orderBy('french.name_fr')
		.orderBy('partnership.id')
		.limit(limit);
}

export async function searchGroupPartnerships(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return searchGroupPartnershipsQuery(db, groupId, column, words, limit).execute();
}

/** Good practices of a group whose keys (titles in three languages) contain every word. */
export function searchGroupPracticesQuery(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return db
		.selectFrom('good_practice')
		.select(['good_practice.id', 'good_practice.country_code', 'good_practice.title_fr', 'good_practice.title_ko', 'good_practice.title_en'])
		.where('good_practice.group_id', '=', groupId)
		.where((eb) => eb.and(words.map((word) => sql<boolean>`${sql.ref(`good_practice.${column}`)} like ${`%${escapeLike(word)}%`} escape '\\'`)))
		.orderBy('good_practice.title_fr')
		.orderBy('good_practice.id')
		.limit(limit);
}

export async function searchGroupPractices(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return searchGroupPracticesQuery(db, groupId, column, words, limit).execute();
}
