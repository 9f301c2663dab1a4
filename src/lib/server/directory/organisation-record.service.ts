/**
 * One organisation's record in a group: its details, people and titles, and its history; editing
 * it and adding people, each change written with its change-log entry (issue 3 §3, §11).
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, authorizeOrganisationEdit, canEditOrganisation, type Actor } from '../auth/policy';
import { isUniqueViolation } from '../db/constraint-errors';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { isCountryCode } from './country';
import { isKnownOfficialCode } from './official-lists.service';
import * as repository from './directory.repository';
import { recordChange } from './change-log';
import type { ChangeLogTable, NewOrganisation, OrganisationTable } from './directory.table';
import { normalizeName } from './name-normalization';
import { findDuplicateOrganisations } from './organisation-duplicates';
import type { OrganisationInput } from './organisation.schema';
import { formatPersonName } from './person-name';
import { orderTitlesOn, titleOn } from './person-titles';
import type { TitleOfPerson } from './person.service';
import { listOtherPeopleWithEmail } from './person.repository';
import type { PersonInput } from './person.schema';
import { placeOfOfficialCode } from '../map/places';

/** The fields of an organisation people edit, as the form names them. */
const EDITABLE_FIELDS = {
	kind: 'kind',
	countryCode: 'country_code',
	nameFr: 'name_fr',
	nameKo: 'name_ko',
	nameEn: 'name_en',
	website: 'website',
	officialCodeScheme: 'official_code_scheme',
	officialCode: 'official_code',
	departementCode: 'departement_code',
	regionCode: 'region_code',
	regionName: 'region_name',
	population: 'population',
	address: 'address'
} as const satisfies Record<string, keyof OrganisationTable>;
type EditableField = keyof typeof EDITABLE_FIELDS;

export interface OrganisationDetails {
	id: string;
	kind: string;
	countryCode: string;
	name: Record<Locale, string | null>;
	website: string | null;
	officialCodeScheme: string | null;
	officialCode: string | null;
	departementCode: string | null;
	regionCode: string | null;
	regionName: string | null;
	population: number | null;
	address: string | null;
}

export interface PersonOfOrganisation {
	id: string;
	displayName: string;
	email: string | null;
	phone: string | null;
	publicListingConsent: boolean;
	currentTitle: string | null;
	/** Today's title first, then other valid ones, those to come, past ones (person-titles.ts). */
	titles: TitleOfPerson[];
}

export interface HistoryEntry {
	id: string;
	entityType: ChangeLogTable['entity_type'];
	at: string;
	action: 'create' | 'update';
	by: string | null;
	changes: Record<string, unknown>;
	/** For a person's entry: the person's name, so that the history says whose record changed. */
	subject?: string | null;
}

export interface OrganisationRecord {
	group: { slug: string; name: Record<Locale, string> };
	organisation: OrganisationDetails;
	/** The form's values for this organisation, as text. */
	formValues: Record<EditableField, string>;
	people: PersonOfOrganisation[];
	history: HistoryEntry[];
	canEdit: boolean;
}

function rowToDetails(row: OrganisationTable): OrganisationDetails {
	return {
		id: row.id,
		kind: row.kind,
		countryCode: row.country_code,
		name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
		website: row.website,
		officialCodeScheme: row.official_code_scheme,
		officialCode: row.official_code,
		departementCode: row.departement_code,
		regionCode: row.region_code,
		regionName: row.region_name,
		population: row.population === null ? null : Number(row.population),
		address: row.address
	};
}

function formValuesOf(row: OrganisationTable): Record<EditableField, string> {
	return Object.fromEntries(
		Object.entries(EDITABLE_FIELDS).map(([field, column]) => [field, row[column] === null ? '' : String(row[column])])
	) as Record<EditableField, string>;
}

/** The organisation, if it is in the group's directory and the actor may see the group. */
async function loadInGroup(context: ServiceContext, actor: Actor, groupSlug: string, organisationId: string) {
	const group = await repository.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const row = isId(organisationId) ? await repository.findOrganisationById(context.db, organisationId) : undefined;
	if (!row || !(await repository.isInGroupDirectory(context.db, row.id, group.id))) return fail('NOT_FOUND');
	// The groups whose coordinators may edit it: those it is an active member of, and this one,
	// whose directory holds it (a former member, a partnership's foreign side).
	const groupIds = [...new Set([...(await repository.listGroupIdsOfOrganisation(context.db, row.id)), group.id])];
	return ok({ group, row, groupIds });
}

/** An organisation's page: details, people with the title each holds today, history. */
export async function getOrganisationRecord(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string
): Promise<Result<OrganisationRecord, 'NOT_FOUND'>> {
	const found = await loadInGroup(context, actor, groupSlug, organisationId);
	if (!found.ok) return found;
	const { group, row, groupIds } = found.value;
	const { people, titles } = await repository.listPeopleOfOrganisations(context.db, [row.id]);
	const today = context.clock().toISOString().slice(0, 10);
	const history = [
		...(await repository.listChangeLog(context.db, 'organisation', [row.id])),
		...(await repository.listChangeLog(context.db, 'person', people.map((person) => person.id)))
	].sort((a, b) => b.at.localeCompare(a.at));
	const personNames = new Map(
		people.map((person) => [person.id, formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order })])
	);
	return ok({
		group: { slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } },
		organisation: rowToDetails(row),
		formValues: formValuesOf(row),
		people: people.map((person) => {
			const own = orderTitlesOn(
				titles
					.filter((title) => title.person_id === person.id)
					.map((title) => ({ id: title.id, title: title.title, language: title.language, validFrom: title.valid_from, validTo: title.valid_to })),
				today
			);
			return {
				id: person.id,
				displayName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
				email: person.email,
				phone: person.phone,
				publicListingConsent: Boolean(person.public_listing_consent),
				currentTitle: titleOn(own, today)?.title ?? null,
				titles: own
			};
		}),
		history: history.map((entry) => ({
			id: entry.id,
			entityType: entry.entity_type,
			at: entry.at,
			action: entry.action,
			by: entry.user_name || entry.user_email || null,
			changes: JSON.parse(entry.changes) as Record<string, unknown>,
			subject: entry.entity_type === 'person' ? (personNames.get(entry.entity_id) ?? null) : null
		})),
		canEdit: canEditOrganisation(actor, { id: row.id, groupIds })
	});
}

export type UpdateOrganisationResult =
	| Result<{ changed: string[] }, 'NOT_FOUND' | 'UNKNOWN_COUNTRY' | 'UNKNOWN_OFFICIAL_CODE'>
	| { ok: false; reason: 'DUPLICATE'; field: 'officialCode' | 'nameFr'; existing: { id: string; nameFr: string; officialCode: string | null }[] };

/**
 * Changes an organisation's record. Only what differs is written, with one change-log entry
 * listing each field's value before and after; nothing at all when nothing differs.
 */
export async function updateOrganisation(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	input: OrganisationInput
): Promise<UpdateOrganisationResult> {
	const found = await loadInGroup(context, actor, groupSlug, organisationId);
	if (!found.ok) return found;
	const { row, groupIds } = found.value;
	const denied = authorizeOrganisationEdit(actor, { id: row.id, groupIds });
	if (denied) return denied;
	if (!isCountryCode(input.countryCode)) return fail('UNKNOWN_COUNTRY', 'countryCode');
	// A code kept as it was is not checked again: a Korean code may have ended since it was entered.
	const codeChanged = input.officialCodeScheme !== row.official_code_scheme || input.officialCode !== row.official_code;
	if (codeChanged && !isKnownOfficialCode(input, context.clock().toISOString().slice(0, 10))) return fail('UNKNOWN_OFFICIAL_CODE', 'officialCode');

	const normalized = normalizeName(input.nameFr);
	const duplicates = await findDuplicateOrganisations(context.db, input, row.id);
	// A name left as it was is no new duplicate: homonyms confirmed earlier stay as they are.
	const nameMatters = normalized !== row.normalized_name && !input.createAnyway;
	if (duplicates && (duplicates.blocking || nameMatters)) {
		return {
			ok: false,
			reason: 'DUPLICATE',
			field: duplicates.field,
			existing: duplicates.rows.map((other) => ({ id: other.id, nameFr: other.name_fr, officialCode: other.official_code }))
		};
	}

	const wanted: Record<EditableField, string | number | null> = {
		kind: input.kind,
		countryCode: input.countryCode,
		nameFr: input.nameFr,
		nameKo: input.nameKo,
		nameEn: input.nameEn,
		website: input.website,
		officialCodeScheme: input.officialCodeScheme,
		officialCode: input.officialCode,
		departementCode: input.departementCode,
		regionCode: input.regionCode,
		regionName: input.regionName,
		population: input.population,
		address: input.address
	};
	const changes: Record<string, [unknown, unknown]> = {};
	const update: Partial<NewOrganisation> = {};
	for (const [field, column] of Object.entries(EDITABLE_FIELDS) as [EditableField, keyof OrganisationTable][]) {
		const before = row[column] === null ? null : column === 'population' ? Number(row[column]) : row[column];
		if (before !== wanted[field]) {
			changes[field] = [before, wanted[field]];
			(update as Record<string, unknown>)[column] = wanted[field];
		}
	}
	if (Object.keys(changes).length === 0) return ok({ changed: [] });
	if ('nameFr' in changes) update.normalized_name = normalized;
	// A new official code moves the organisation's point on the map to that code's place (or clears it).
	if ('officialCode' in changes || 'officialCodeScheme' in changes) {
		const place = input.officialCodeScheme && input.officialCode ? placeOfOfficialCode(input.officialCodeScheme, input.officialCode) : null;
		update.latitude = place?.latitude ?? null;
		update.longitude = place?.longitude ?? null;
	}
	try {
		await context.db.transaction().execute(async (transaction) => {
			await repository.updateOrganisation(transaction, row.id, update);
			await recordChange(transaction, {
				entity_type: 'organisation',
				entity_id: row.id,
				user_id: actor.kind === 'user' ? actor.userId : null,
				at: context.clock().toISOString(),
				action: 'update',
				changes
			});
		});
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'DUPLICATE', field: 'officialCode', existing: [] };
		throw error;
	}
	return ok({ changed: Object.keys(changes) });
}

/**
 * Adds a person to an organisation, with their title and its dates, and records it. An e-mail
 * another person of the directory already has is refused (EMAIL_TAKEN on the field).
 */
export async function addPerson(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	input: PersonInput
): Promise<Result<{ personId: string }, 'NOT_FOUND' | 'EMAIL_TAKEN'>> {
	const found = await loadInGroup(context, actor, groupSlug, organisationId);
	if (!found.ok) return found;
	const { row, groupIds } = found.value;
	const denied = authorizeOrganisationEdit(actor, { id: row.id, groupIds });
	if (denied) return denied;
	const now = context.clock().toISOString();
	const personId = newId();
	if (input.email && (await listOtherPeopleWithEmail(context.db, input.email, personId)).length > 0) return fail('EMAIL_TAKEN', 'email');
	try {
		await insertPersonWithTitle(context, actor, row.id, personId, input, now);
	} catch (error) {
		// Another save took the address between the check above and this one (person_email_unique).
		if (isUniqueViolation(error)) return fail('EMAIL_TAKEN', 'email');
		throw error;
	}
	return ok({ personId });
}

async function insertPersonWithTitle(context: ServiceContext, actor: Actor, organisationId: string, personId: string, input: PersonInput, now: string) {
	const row = { id: organisationId };
	await context.db.transaction().execute(async (transaction) => {
		await repository.insertPerson(transaction, {
			id: personId,
			given_name: input.givenName,
			family_name: input.familyName,
			name_order: input.nameOrder,
			email: input.email,
			phone: input.phone,
			organisation_id: row.id,
			preferred_language: input.preferredLanguage,
			public_listing_consent: input.publicListingConsent ? 1 : 0,
			created_at: now
		});
		if (input.title) {
			await repository.insertPersonTitle(transaction, {
				id: newId(),
				person_id: personId,
				title: input.title,
				language: input.preferredLanguage,
				valid_from: input.titleValidFrom,
				valid_to: input.titleValidTo
			});
		}
		await recordChange(transaction, {
			entity_type: 'person',
			entity_id: personId,
			user_id: actor.kind === 'user' ? actor.userId : null,
			at: now,
			action: 'create',
			changes: {
				name: formatPersonName({ givenName: input.givenName, familyName: input.familyName, nameOrder: input.nameOrder }),
				...(input.title ? { title: input.title, titleValidFrom: input.titleValidFrom, titleValidTo: input.titleValidTo } : {})
			}
		});
	});
}
