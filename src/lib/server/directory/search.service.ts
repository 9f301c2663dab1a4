/** One search box over a group's directory (issue 3 §8): organisations, people, partnerships and good practices. */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, type Actor } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './directory.repository';
import * as searchRepository from './search.repository';
import type { PartnershipKind, PartnershipStatus } from '../partnerships/partnership.table';
import { normalizeName } from './name-normalization';
import { formatPersonName } from './person-name';
import { isInitialConsonantQuery } from './search-keys';

export interface DirectorySearchResults {
	query: string;
	/** The query was one Latin letter: it would match nearly everything, so it is not run. */
	tooShort: boolean;
	organisations: { id: string; name: Record<Locale, string | null>; kind: string; countryCode: string }[];
	people: { id: string; displayName: string; email: string | null; organisationId: string; organisationName: Record<Locale, string | null> }[];
	partnerships: {
		id: string;
		kind: PartnershipKind;
		status: PartnershipStatus;
		frenchName: Record<Locale, string | null>;
		/** Null while the partner is to be identified: then the country and region say where. */
		foreignName: Record<Locale, string | null> | null;
		foreignCountryCode: string;
		foreignRegion: string | null;
	}[];
	practices: { id: string; countryCode: string; title: Record<Locale, string> }[];
}

const NO_RESULTS = { organisations: [], people: [], partnerships: [], practices: [] };

/** 25 of each kind: a page of results; a longer query narrows them. */
const RESULTS_PER_KIND = 25;

export async function searchDirectory(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	query: string
): Promise<Result<DirectorySearchResults, 'NOT_FOUND'>> {
	const group = await repository.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const typed = query.trim().slice(0, 100);
	const initials = isInitialConsonantQuery(typed);
	const text = initials ? typed.replace(/\s+/g, '') : normalizeName(typed);
	if (text === '') return ok({ query: typed, tooShort: false, ...NO_RESULTS });
	// One Latin letter or digit matches nearly every name (and costs a full sort of them all);
	// one Hangul syllable or consonant is a real query ("구").
	if (text.length < 2 && !/[\u3131-\u318e\uac00-\ud7a3]/.test(text)) return ok({ query: typed, tooShort: true, ...NO_RESULTS });
	const column = initials ? 'search_initials' : 'search_text';
	// Every word must appear, in any order: "region rhone" finds Région Auvergne-Rhône-Alpes.
	// Five words at most: more only slows the query without narrowing it.
	const words = text.split(' ').filter(Boolean).slice(0, 5);
	const [organisations, people, partnerships, practices] = await Promise.all([
		repository.searchGroupOrganisations(context.db, group.id, column, words, RESULTS_PER_KIND),
		repository.searchGroupPeople(context.db, group.id, column, words, RESULTS_PER_KIND),
		searchRepository.searchGroupPartnerships(context.db, group.id, column, words, RESULTS_PER_KIND),
		searchRepository.searchGroupPractices(context.db, group.id, column, words, RESULTS_PER_KIND)
	]);
	return ok({
		query: typed,
		tooShort: false,
		organisations: organisations.map((row) => ({
			id: row.id,
			name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
			kind: row.kind,
			countryCode: row.country_code
		})),
		people: people.map((row) => ({
			id: row.id,
			displayName: formatPersonName({ givenName: row.given_name, familyName: row.family_name, nameOrder: row.name_order }),
			email: row.email,
			organisationId: row.organisation_id,
			organisationName: { fr: row.organisation_name_fr, ko: row.organisation_name_ko, en: row.organisation_name_en }
		})),
		partnerships: partnerships.map((row) => ({
			id: row.id,
			kind: row.kind,
			status: row.status,
			frenchName: { fr: row.french_name_fr, ko: row.french_name_ko, en: row.french_name_en },
			foreignName: row.foreign_name_fr === null ? null : { fr: row.foreign_name_fr, ko: row.foreign_name_ko, en: row.foreign_name_en },
			foreignCountryCode: row.foreign_country_code,
			foreignRegion: row.foreign_region
		})),
		practices: practices.map((row) => {
			// A practice needs a title in one language only: the others fall back on it.
			const fallback = row.title_fr || row.title_ko || row.title_en;
			return {
				id: row.id,
				countryCode: row.country_code,
				title: { fr: row.title_fr || fallback, ko: row.title_ko || fallback, en: row.title_en || fallback }
			};
		})
	});
}
