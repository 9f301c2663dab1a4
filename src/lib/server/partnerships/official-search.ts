/** The official-list search and pick of a partnership form's query string (?q=…&pick=…), for the group's partner country. */
import { findOfficialAuthority, searchOfficialAuthorities } from '../directory/official-lists.service';

export function officialPartnerSearch(url: URL, countryCode: string, today: string) {
	const country = countryCode === 'KR' || countryCode === 'FR' ? countryCode : null;
	const query = (url.searchParams.get('q') ?? '').slice(0, 100);
	const pick = url.searchParams.get('pick') ?? '';
	const picked = pick && country ? findOfficialAuthority(pick, today) : null;
	return {
		query,
		choices: query && country ? searchOfficialAuthorities(query, { country, onDate: today }) : null,
		picked: picked && picked.countryCode === country ? { pick: picked.pick, name: picked.nameKo ? `${picked.nameFr} · ${picked.nameKo}` : picked.nameFr } : null,
		/** The form's action keeps the search and the pick, so a refused form still shows them. */
		actionQuery: new URLSearchParams([...(query ? [['q', query]] : []), ...(pick ? [['pick', pick]] : [])]).toString()
	};
}
