/** Points for the demo's organisations, so that its map is not empty (issue 3 §9, demo data). */
import type { Executor } from '../db/database';
import * as repository from './map.repository';
import { placeOfOrganisation } from './places';

/**
 * Gives a point to every organisation that has none and whose official code (or, for the few
 * Paris-based partners without one, name) gives one; returns how many were placed. Run as the
 * demo's last step, after the partnerships have brought their Korean parties in.
 */
export async function placeDemoOrganisations(db: Executor): Promise<number> {
	let placed = 0;
	for (const row of await repository.listUnplacedOrganisations(db)) {
		const place = placeOfOrganisation({
			countryCode: row.country_code,
			nameFr: row.name_fr,
			officialCodeScheme: row.official_code_scheme,
			officialCode: row.official_code,
			departementCode: row.departement_code,
			regionCode: row.region_code
		});
		if (!place) continue;
		await repository.setOrganisationPlace(db, row.id, place);
		placed++;
	}
	return placed;
}
