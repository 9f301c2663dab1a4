/** Creating organisations in a group: official identity, duplicates caught, membership in one go. */
import { authorize, type Actor } from '../auth/policy';
import { isUniqueViolation } from '../db/constraint-errors';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { isCountryCode } from './country';
import { isKnownOfficialCode } from './official-lists.service';
import * as repository from './directory.repository';
import type { NewOrganisation, OrganisationTable } from './directory.table';
import { normalizeName } from './name-normalization';
import { recordChange } from './change-log';
import { findDuplicateOrganisations } from './organisation-duplicates';
import type { OrganisationInput } from './organisation.schema';
import { placeOfOfficialCode } from '../map/places';

export interface ExistingOrganisation {
	id: string;
	nameFr: string;
	officialCode: string | null;
	/** Whether it is already in the group where it was being created. */
	alreadyInGroup: boolean;
}

export type CreateOrganisationResult =
	| Result<{ organisationId: string }, 'NOT_FOUND' | 'UNKNOWN_COUNTRY' | 'UNKNOWN_OFFICIAL_CODE'>
	| { ok: false; reason: 'DUPLICATE'; field: 'officialCode' | 'nameFr'; existing: ExistingOrganisation[] };

/** Creates an organisation and its membership of the group, or points to the one that exists. */
export async function createOrganisationInGroup(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	input: OrganisationInput
): Promise<CreateOrganisationResult> {
	const group = await repository.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	if (!isCountryCode(input.countryCode)) return fail('UNKNOWN_COUNTRY', 'countryCode');
	if (!isKnownOfficialCode(input, context.clock().toISOString().slice(0, 10))) return fail('UNKNOWN_OFFICIAL_CODE', 'officialCode');

	const duplicates = await findDuplicateOrganisations(context.db, input);
	if (duplicates && (duplicates.blocking || !input.createAnyway)) {
		const memberships = await repository.listGroupMemberships(context.db, group.id);
		return {
			ok: false,
			reason: 'DUPLICATE',
			field: duplicates.field,
			existing: duplicates.rows.map((row) => ({
				id: row.id,
				nameFr: row.name_fr,
				officialCode: row.official_code,
				alreadyInGroup: memberships.some((membership) => membership.organisation_id === row.id)
			}))
		};
	}

	const now = context.clock();
	// An authority picked from the official lists gets its point on the map from its code.
	const place = input.officialCodeScheme && input.officialCode ? placeOfOfficialCode(input.officialCodeScheme, input.officialCode) : null;
	const row: NewOrganisation = {
		id: newId(),
		kind: input.kind,
		country_code: input.countryCode,
		name_fr: input.nameFr,
		name_ko: input.nameKo,
		name_en: input.nameEn,
		website: input.website,
		created_at: now.toISOString(),
		official_code_scheme: input.officialCodeScheme,
		official_code: input.officialCode,
		normalized_name: normalizeName(input.nameFr),
		departement_code: input.departementCode,
		region_code: input.regionCode,
		region_name: input.regionName,
		population: input.population,
		address: input.address,
		latitude: place?.latitude ?? null,
		longitude: place?.longitude ?? null
	};
	try {
		await context.db.transaction().execute(async (transaction) => {
			await repository.insertOrganisation(transaction, row);
			await repository.insertMembership(transaction, {
				id: newId(),
				group_id: group.id,
				organisation_id: row.id,
				capacity: input.capacity,
				since: now.toISOString().slice(0, 10),
				status: 'active'
			});
			await recordChange(transaction, {
				entity_type: 'organisation',
				entity_id: row.id,
				user_id: actor.kind === 'user' ? actor.userId : null,
				at: now.toISOString(),
				action: 'create',
				changes: { nameFr: row.name_fr, officialCode: row.official_code, group: group.slug, capacity: input.capacity }
			});
		});
	} catch (error) {
		// Two coordinators creating the same authority at once: the unique index on the code decides.
		if (isUniqueViolation(error) && input.officialCodeScheme && input.officialCode) {
			const existing = await repository.findOrganisationByOfficialCode(context.db, input.officialCodeScheme, input.officialCode);
			if (existing) {
				return {
					ok: false,
					reason: 'DUPLICATE',
					field: 'officialCode',
					existing: [{ id: existing.id, nameFr: existing.name_fr, officialCode: existing.official_code, alreadyInGroup: false }]
				};
			}
		}
		throw error;
	}
	return ok({ organisationId: row.id });
}

export interface Theme {
	key: string;
	label: { fr: string; ko: string; en: string };
}

/** The shared list of themes, in its order. Public reference data: anyone may read it. */
export async function listThemes(context: ServiceContext): Promise<Theme[]> {
	const rows = await repository.listThemes(context.db);
	return rows.map((row) => ({ key: row.key, label: { fr: row.label_fr, ko: row.label_ko, en: row.label_en } }));
}
