/**
 * Matching what old minutes write to the group's directory (issue 4 §8): a speaker "Hong Joon Ho"
 * or a participants row "GAROK / Joon Ho / HONG" to the person Joon Ho HONG of GAROK France.
 * Pure: the directory comes in as data.
 *
 * People: names compared without accents, case, hyphens or word order ("Hong Joon Ho" is
 * "Joon-Ho HONG"); a single word ("Millan") only when one person of the directory has it as family name.
 * Organisations, in order: the same normalized name (French, Korean or English); the same once
 * generic words are set aside ("CONSEIL REGIONAL D'AUVERGNE-RHONE-ALPES" is "Région
 * Auvergne-Rhône-Alpes"); an acronym in brackets ("MEAE"); then one organisation whose name holds
 * every word written ("GAROK" → "GAROK France (Centre coréen des collectivités locales)").
 */
import { normalizeName } from '../../directory/name-normalization';

export interface DirectoryPerson {
	id: string;
	givenName: string;
	familyName: string;
	organisationId: string | null;
}

export interface DirectoryOrganisation {
	id: string;
	names: string[];
}

/** Words of a name, sorted, without accents or case: the same for every order of the words. */
export function personNameKey(name: string): string {
	return normalizeName(name).split(' ').filter(Boolean).sort().join(' ');
}

/**
 * The directory person a written name stands for, or null. When several people share the name,
 * the one of the hinted organisation wins; without a hint an ambiguous name matches nobody.
 */
export function matchPerson(name: string, people: readonly DirectoryPerson[], organisationId?: string | null): DirectoryPerson | null {
	const key = personNameKey(name);
	if (key === '') return null;
	const pick = (candidates: DirectoryPerson[]) => {
		if (candidates.length === 1) return candidates[0];
		const ofOrganisation = organisationId ? candidates.filter((person) => person.organisationId === organisationId) : [];
		return ofOrganisation.length === 1 ? ofOrganisation[0] : null;
	};
	const exact = people.filter((person) => personNameKey(`${person.givenName} ${person.familyName}`) === key);
	if (exact.length > 0) return pick(exact);
	if (!key.includes(' ')) {
		const byFamily = people.filter((person) => personNameKey(person.familyName) === key);
		if (byFamily.length > 0) return pick(byFamily);
	}
	return null;
}

/** Words that say what kind of body an organisation is, not which one. */
const GENERIC_WORDS = new Set([
	'conseil', 'regional', 'departemental', 'municipal', 'region', 'departement', 'ville', 'mairie', 'commune', 'metropole', 'communaute',
	'agglomeration', 'de', 'd', 'du', 'des', 'la', 'le', 'les', 'l', 'et', 'the', 'of'
]);

function significantWords(name: string): string[] {
	return normalizeName(name)
		.split(' ')
		.filter((word) => word !== '' && !GENERIC_WORDS.has(word));
}

function acronyms(name: string): string[] {
	return [...name.matchAll(/\(([^()]+)\)/g)].map((match) => normalizeName(match[1])).filter((acronym) => acronym !== '' && !acronym.includes(' '));
}

/** The directory organisation a written name stands for, or null when none or several fit. */
export function matchOrganisation(name: string, organisations: readonly DirectoryOrganisation[]): DirectoryOrganisation | null {
	const normalized = normalizeName(name);
	if (normalized === '') return null;
	const unique = (candidates: DirectoryOrganisation[]) => (candidates.length === 1 ? candidates[0] : null);
	const same = organisations.filter((organisation) => organisation.names.some((candidate) => normalizeName(candidate) === normalized));
	if (same.length > 0) return unique(same);

	const words = significantWords(name);
	const key = words.join(' ');
	if (key !== '') {
		const sameWords = organisations.filter((organisation) => organisation.names.some((candidate) => significantWords(candidate).join(' ') === key));
		if (sameWords.length > 0) return unique(sameWords);
	}

	const written = acronyms(name);
	const byAcronym = organisations.filter((organisation) =>
		organisation.names.some((candidate) => acronyms(candidate).some((acronym) => acronym === normalized || written.includes(acronym)))
	);
	if (byAcronym.length > 0) return unique(byAcronym);

	if (words.length === 0) return null;
	const containing = organisations.filter((organisation) =>
		organisation.names.some((candidate) => {
			const candidateWords = new Set(significantWords(candidate));
			return words.every((word) => candidateWords.has(word));
		})
	);
	if (containing.length > 0) return unique(containing);
	// The other way round: "Ville d'Issy-les-Moulineaux, direction des relations internationales" holds "Issy-les-Moulineaux".
	const contained = organisations.filter((organisation) =>
		organisation.names.some((candidate) => {
			const candidateWords = significantWords(candidate);
			return candidateWords.length > 0 && candidateWords.every((word) => words.includes(word));
		})
	);
	return unique(contained);
}

/**
 * A name written in running text split into given and family names: the word(s) in capitals are
 * the family name (French custom, "Virginie ROUQUETTE"); a Hangul name of one word is family name
 * (first syllable) then given name; otherwise the last word is the family name.
 */
export function splitPersonName(name: string): { givenName: string; familyName: string } {
	const words = name.trim().split(/\s+/u).filter(Boolean);
	if (words.length === 0) return { givenName: '', familyName: '' };
	if (words.length === 1) {
		const hangul = /^([\p{Script=Hangul}])([\p{Script=Hangul}]+)$/u.exec(words[0]);
		return hangul ? { familyName: hangul[1], givenName: hangul[2] } : { givenName: '', familyName: words[0] };
	}
	const isCapitals = (word: string) => /\p{Lu}/u.test(word) && word === word.toUpperCase() && word.length > 1;
	const capitals = words.filter(isCapitals);
	if (capitals.length > 0 && capitals.length < words.length) return { familyName: capitals.join(' '), givenName: words.filter((word) => !isCapitals(word)).join(' ') };
	return { familyName: words[words.length - 1], givenName: words.slice(0, -1).join(' ') };
}
