/** An organisation record made from an entry of the official lists (a Korean local government picked as a partner). */
import type { NewOrganisation } from '../directory/directory.table';
import { normalizeName } from '../directory/name-normalization';
import type { OfficialAuthorityChoice } from '../directory/official-lists.service';

export function organisationFromOfficialChoice(choice: OfficialAuthorityChoice, id: string, createdAt: string): NewOrganisation {
	return {
		id,
		kind: choice.kind,
		country_code: choice.countryCode,
		name_fr: choice.nameFr,
		name_ko: choice.nameKo,
		name_en: choice.nameEn,
		website: null,
		created_at: createdAt,
		official_code_scheme: choice.officialCodeScheme,
		official_code: choice.officialCode,
		normalized_name: normalizeName(choice.nameFr),
		departement_code: choice.departementCode,
		region_code: choice.regionCode,
		region_name: choice.regionName,
		population: choice.population,
		address: null,
		latitude: null,
		longitude: null
	};
}
