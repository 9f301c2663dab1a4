import type { Executor } from '../db/database';
import * as repository from './directory.repository';
import { normalizeName } from './name-normalization';
import type { OrganisationInput } from './organisation.schema';

/**
 * An organisation is the same as an existing one when it has the same official code, or the same
 * name (accents, case and punctuation aside) in the same country while one of the two has no
 * official code to tell them apart. The first is never allowed twice (`blocking`); the second may
 * be confirmed, since homonyms exist (France has some thirty communes named Saint-Martin).
 * `exceptId` leaves out the organisation being edited.
 */
export async function findDuplicateOrganisations(
	db: Executor,
	input: Pick<OrganisationInput, 'officialCodeScheme' | 'officialCode' | 'countryCode' | 'nameFr'>,
	exceptId?: string
) {
	if (input.officialCodeScheme && input.officialCode) {
		const sameCode = await repository.findOrganisationByOfficialCode(db, input.officialCodeScheme, input.officialCode);
		if (sameCode && sameCode.id !== exceptId) return { field: 'officialCode' as const, rows: [sameCode], blocking: true };
	}
	const sameName = (await repository.listOrganisationsByNormalizedName(db, input.countryCode, normalizeName(input.nameFr))).filter(
		(row) => row.id !== exceptId && !(row.official_code && input.officialCode && row.official_code !== input.officialCode)
	);
	return sameName.length ? { field: 'nameFr' as const, rows: sameName, blocking: false } : null;
}
