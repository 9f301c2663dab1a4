/** One search box over a group's directory (issue 3 §8); partnerships and practices join it later. */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, type Actor } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './directory.repository';
import { normalizeName } from './name-normalization';
import { formatPersonName } from './person-name';
import { isInitialConsonantQuery } from './search-keys';

export interface DirectorySearchResults {
	query: string;
	/** The query was one Latin letter: it would match nearly everything, so it is not run. */
	tooShort: boolean;
	organisations: { id: string; name: Record<Locale, string | null>; kind: string; countryCode: string }[];
	people: { id: string; displayName: string; email: string | null; organisationId: string; organisationName: Record<Locale, string | null> }[];
}

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
	if (text === '') return ok({ query: typed, tooShort: false, organisations: [], people: [] });
	// One Latin letter or digit matches nearly every name (and costs a full sort of them all);
	// one Hangul syllable or consonant is a real query ("구").
	if (text.length < 2 && !/[\u3131-\u318e\uac00-\ud7a3]/.test(text)) return ok({ query: typed, tooShort: true, organisations: [], people: [] });
	const column = initials ? 'search_initials' : 'search_text';
	// Every word must appear, in any order: "region rhone" finds Région Auvergne-Rhône-Alpes.
	// Five words at most: more only slows the query without narrowing it.
	const words = text.split(' ').filter(Boolean).slice(0, 5);
	const [organisations, people] = await Promise.all([
		repository.searchGroupOrganisations(context.db, group.id, column, words, RESULTS_PER_KIND),
		repository.searchGroupPeople(context.db, group.id, column, words, RESULTS_PER_KIND)
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
		}))
	});
}
