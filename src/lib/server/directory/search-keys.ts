/**
 * What the directory search compares (issue 3 §8): every name of a record without accents, case
 * or punctuation (so "issy" finds "ISSY-LES-MOULINEAUX"), and the initial consonants (초성) of its
 * Korean names, so that "ㄱㄹ" finds 구로구 as Korean keyboards' search boxes do.
 */
import { getChoseong } from 'es-hangul';
import { normalizeName } from './name-normalization';

const HANGUL_SYLLABLES = /[\uac00-\ud7a3]+/g;
/** Compatibility jamo consonants ㄱ…ㅎ, as a Korean keyboard types them alone. */
const INITIAL_CONSONANTS_ONLY = /^[\u3131-\u314e\s]+$/;

export function searchKeys(names: (string | null | undefined)[]): { text: string; initials: string } {
	const present = names.filter((name): name is string => !!name && name.trim() !== '');
	return {
		text: present.map(normalizeName).join(' | '),
		initials: present
			.flatMap((name) => name.match(HANGUL_SYLLABLES) ?? [])
			.map((word) => getChoseong(word))
			.join(' ')
	};
}

/** True for a query made only of initial consonants ("ㄱㄹ"): it is matched against the initials. */
export function isInitialConsonantQuery(query: string): boolean {
	return INITIAL_CONSONANTS_ONLY.test(query.trim()) && query.trim() !== '';
}
