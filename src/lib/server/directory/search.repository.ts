/**
 * The search box's queries over partnerships and good practices (issue 3 §8). Organisations and
 * people are in directory.repository.ts. Each filters the rows by their search keys, then by group:
 * both tables carry their group id, so no membership lookup is needed.
 */
import type { Executor } from '../db/database';
import { containsWord } from './directory.repository';

type SearchColumn = 'search_text' | 'search_initials';


/**
 * Partnerships of a group whose keys (both sides' names, the region) contain every word, in the
 * order of their keys (the French side's name first). The 25 are chosen from the partnership table
 * alone — on SQLite by walking an index in that order (migration 0007) — and only they are joined
 * to their organisations' names: joining every match first cost 13 ms at 20,000 partnerships.
 */
export function searchGroupPartnershipsQuery(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return db
		.selectFrom((eb) =>
			eb
				.selectFrom('partnership')
				.selectAll('partnership')
				.where('partnership.group_id', '=', groupId)
				.where((inner) => inner.and(words.map((word) => containsWord(`partnership.${column}`, word))))
				.orderBy('partnership.group_id')
				.orderBy('partnership.search_text')
				.orderBy('partnership.id')
				.limit(limit)
				.as('found')
		)
		.innerJoin('organisation as french', 'french.id', 'found.french_organisation_id')
		.leftJoin('organisation as foreign', 'foreign.id', 'found.foreign_organisation_id')
		.select([
			'found.id',
			'found.kind',
			'found.status',
			'found.foreign_country_code',
			'found.foreign_region',
			'french.name_fr as french_name_fr',
			'french.name_ko as french_name_ko',
			'french.name_en as french_name_en',
			'foreign.name_fr as foreign_name_fr',
			'foreign.name_ko as foreign_name_ko',
			'foreign.name_en as foreign_name_en'
		])
		.orderBy('found.search_text')
		.orderBy('found.id');
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
		.where((eb) => eb.and(words.map((word) => containsWord(`good_practice.${column}`, word))))
		.orderBy('good_practice.title_fr')
		.orderBy('good_practice.id')
		.limit(limit);
}

export async function searchGroupPractices(db: Executor, groupId: string, column: SearchColumn, words: string[], limit: number) {
	return searchGroupPracticesQuery(db, groupId, column, words, limit).execute();
}
