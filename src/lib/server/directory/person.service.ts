/**
 * One person of an organisation and their titles with dates (issue 3 §3): who may edit them is
 * who may edit the organisation (members of that organisation, the group's coordinators,
 * administrators; partners read). Every change is written with its change-log entry (entity
 * 'person') in the same transaction, so that the record's history says who changed what (§11).
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, authorizeOrganisationEdit, canEditOrganisation, type Actor } from '../auth/policy';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { isUniqueViolation } from '../db/constraint-errors';
import { recordChange } from './change-log';
import * as directory from './directory.repository';
import type { Language, NewPerson, PersonTable, PersonTitleTable } from './directory.table';
import type { PersonDetailsInput, PersonTitleInput } from './person-edit.schema';
import { formatPersonName } from './person-name';
import * as repository from './person.repository';
import { orderTitlesOn, type TitleStatus } from './person-titles';

/** The fields of a person the edit form changes, and their columns. */
const DETAIL_FIELDS = {
	givenName: 'given_name',
	familyName: 'family_name',
	nameOrder: 'name_order',
	email: 'email',
	phone: 'phone',
	preferredLanguage: 'preferred_language',
	publicListingConsent: 'public_listing_consent'
} as const satisfies Record<keyof PersonDetailsInput, keyof PersonTable>;
type DetailField = keyof typeof DETAIL_FIELDS;

export interface TitleOfPerson {
	id: string;
	title: string;
	language: Language;
	validFrom: string | null;
	validTo: string | null;
	/** Held on the day the record is read, to come, or past. */
	status: TitleStatus;
}

export interface PersonHistoryEntry {
	id: string;
	at: string;
	action: 'create' | 'update';
	by: string | null;
	changes: Record<string, unknown>;
}

export interface PersonRecord {
	group: { slug: string; name: Record<Locale, string> };
	organisation: { id: string; name: Record<Locale, string | null> };
	person: { id: string; displayName: string; email: string | null; phone: string | null; preferredLanguage: Language; publicListingConsent: boolean };
	/** The edit form's values, as text ('on' for the consent box). */
	formValues: Record<DetailField, string>;
	/** The title held today first, then other valid ones, those to come, past ones. */
	titles: TitleOfPerson[];
	history: PersonHistoryEntry[];
	canEdit: boolean;
}

function actorId(actor: Actor): string | null {
	return actor.kind === 'user' ? actor.userId : null;
}

function today(context: ServiceContext): string {
	return context.clock().toISOString().slice(0, 10);
}

/** A title as the history writes it: "Maire [fr] 2020-07-03 – …". */
export function describeTitle(title: { title: string; language: string; validFrom: string | null; validTo: string | null }): string {
	return `${title.title} [${title.language}] ${title.validFrom ?? '…'} – ${title.validTo ?? '…'}`;
}

function rowToTitle(row: PersonTitleTable) {
	return { id: row.id, title: row.title, language: row.language, validFrom: row.valid_from, validTo: row.valid_to };
}

/**
 * The person, if they belong to the organisation, the organisation is in the group and the
 * actor may see the group; otherwise NOT_FOUND (or the policy's refusal).
 */
async function loadPerson(context: ServiceContext, actor: Actor, groupSlug: string, organisationId: string, personId: string) {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	const organisation = isId(organisationId) ? await directory.findOrganisationById(context.db, organisationId) : undefined;
	// The organisation is in the group's directory (a member, former member, partnership side or
	// practice author), as on its record page; coordinators of this group may then edit its people.
	if (!organisation || !(await directory.isInGroupDirectory(context.db, organisation.id, group.id))) return fail('NOT_FOUND');
	const groupIds = [...new Set([...(await directory.listGroupIdsOfOrganisation(context.db, organisation.id)), group.id])];
	const person = isId(personId) ? await repository.findPersonById(context.db, personId) : undefined;
	if (!person || person.organisation_id !== organisation.id) return fail('NOT_FOUND');
	return ok({ group, organisation, groupIds, person });
}

/** Like loadPerson, and the actor may edit the organisation's people. */
async function loadPersonToEdit(context: ServiceContext, actor: Actor, groupSlug: string, organisationId: string, personId: string) {
	const found = await loadPerson(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const denied = authorizeOrganisationEdit(actor, { id: found.value.organisation.id, groupIds: found.value.groupIds });
	if (denied) return denied;
	return found;
}

/** A person's page: details, titles with their dates (today's first), history, and whether the actor may edit. */
export async function getPersonRecord(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string
): Promise<Result<PersonRecord, 'NOT_FOUND'>> {
	const found = await loadPerson(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { group, organisation, groupIds, person } = found.value;
	const titles = (await repository.listTitlesOfPerson(context.db, person.id)).map(rowToTitle);
	const history = await directory.listChangeLog(context.db, 'person', [person.id]);
	return ok({
		group: { slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } },
		organisation: { id: organisation.id, name: { fr: organisation.name_fr, ko: organisation.name_ko, en: organisation.name_en } },
		person: {
			id: person.id,
			displayName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
			email: person.email,
			phone: person.phone,
			preferredLanguage: person.preferred_language,
			publicListingConsent: Boolean(person.public_listing_consent)
		},
		formValues: {
			givenName: person.given_name,
			familyName: person.family_name,
			nameOrder: person.name_order,
			email: person.email ?? '',
			phone: person.phone ?? '',
			preferredLanguage: person.preferred_language,
			publicListingConsent: person.public_listing_consent ? 'on' : ''
		},
		titles: orderTitlesOn(titles, today(context)),
		history: history.map((entry) => ({
			id: entry.id,
			at: entry.at,
			action: entry.action,
			by: entry.user_name || entry.user_email || null,
			changes: JSON.parse(entry.changes) as Record<string, unknown>
		})),
		canEdit: canEditOrganisation(actor, { id: organisation.id, groupIds })
	});
}

/**
 * Changes a person's names, contacts, language and consent. Only what differs is written, with
 * one change-log entry giving each field before and after. An e-mail another person of the
 * directory already has is refused: invitations, sign-in and attendance find people by e-mail.
 */
export async function updatePerson(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string,
	input: PersonDetailsInput
): Promise<Result<{ changed: string[] }, 'NOT_FOUND' | 'EMAIL_TAKEN'>> {
	const found = await loadPersonToEdit(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { person } = found.value;
	if (input.email && input.email !== person.email?.toLowerCase()) {
		const others = await repository.listOtherPeopleWithEmail(context.db, input.email, person.id);
		if (others.length > 0) return fail('EMAIL_TAKEN', 'email');
	}
	const wanted: Record<DetailField, string | number | null> = { ...input, publicListingConsent: input.publicListingConsent ? 1 : 0 };
	const changes: Record<string, [unknown, unknown]> = {};
	const update: Partial<NewPerson> = {};
	for (const [field, column] of Object.entries(DETAIL_FIELDS) as [DetailField, keyof PersonTable][]) {
		const before = column === 'public_listing_consent' ? Number(person[column]) : person[column];
		if (before !== wanted[field]) {
			changes[field] = field === 'publicListingConsent' ? [Boolean(before), Boolean(wanted[field])] : [before, wanted[field]];
			(update as Record<string, unknown>)[column] = wanted[field];
		}
	}
	if (Object.keys(changes).length === 0) return ok({ changed: [] });
	try {
		await context.db.transaction().execute(async (transaction) => {
			await repository.updatePerson(transaction, person.id, update);
			await recordChange(transaction, {
				entity_type: 'person',
				entity_id: person.id,
				user_id: actorId(actor),
				at: context.clock().toISOString(),
				action: 'update',
				changes
			});
		});
	} catch (error) {
		// Another save took the address between the check above and this one (person_email_unique).
		if (isUniqueViolation(error)) return fail('EMAIL_TAKEN', 'email');
		throw error;
	}
	return ok({ changed: Object.keys(changes) });
}

/** Adds a title with the days it is held, and records it in the person's history. */
export async function addPersonTitle(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string,
	input: PersonTitleInput
): Promise<Result<{ titleId: string }, 'NOT_FOUND'>> {
	const found = await loadPersonToEdit(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { person } = found.value;
	const titleId = newId();
	await context.db.transaction().execute(async (transaction) => {
		await repository.insertTitle(transaction, {
			id: titleId,
			person_id: person.id,
			title: input.title,
			language: input.language,
			valid_from: input.validFrom,
			valid_to: input.validTo
		});
		await recordChange(transaction, {
			entity_type: 'person',
			entity_id: person.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { title: [null, describeTitle(input)] }
		});
	});
	return ok({ titleId });
}

/** One of the person's titles, or NOT_FOUND when the id names no title of theirs. */
async function findOwnTitle(context: ServiceContext, personId: string, titleId: string) {
	const titles = await repository.listTitlesOfPerson(context.db, personId);
	return titles.find((title) => title.id === titleId);
}

/** Changes a title's text, language or dates; the history keeps it before and after. */
export async function updatePersonTitle(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string,
	titleId: string,
	input: PersonTitleInput
): Promise<Result<{ changed: boolean }, 'NOT_FOUND'>> {
	const found = await loadPersonToEdit(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { person } = found.value;
	const row = await findOwnTitle(context, person.id, titleId);
	if (!row) return fail('NOT_FOUND');
	const before = describeTitle(rowToTitle(row));
	const after = describeTitle(input);
	if (before === after) return ok({ changed: false });
	await context.db.transaction().execute(async (transaction) => {
		await repository.updateTitle(transaction, row.id, { title: input.title, language: input.language, valid_from: input.validFrom, valid_to: input.validTo });
		await recordChange(transaction, {
			entity_type: 'person',
			entity_id: person.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { title: [before, after] }
		});
	});
	return ok({ changed: true });
}

/** Removes a title; the history keeps what it was. */
export async function removePersonTitle(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string,
	titleId: string
): Promise<Result<{ removed: true }, 'NOT_FOUND'>> {
	const found = await loadPersonToEdit(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { person } = found.value;
	const row = await findOwnTitle(context, person.id, titleId);
	if (!row) return fail('NOT_FOUND');
	await context.db.transaction().execute(async (transaction) => {
		await repository.deleteTitle(transaction, row.id);
		await recordChange(transaction, {
			entity_type: 'person',
			entity_id: person.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { title: [describeTitle(rowToTitle(row)), null] }
		});
	});
	return ok({ removed: true });
}

/**
 * Takes a person off the organisation (they left it): the person is no longer listed anywhere in
 * the directory, but stays in the minutes that name them. The organisation's history says who
 * left, when and on whose word; nothing is deleted.
 */
export async function removePersonFromOrganisation(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	organisationId: string,
	personId: string
): Promise<Result<{ removed: true; name: string }, 'NOT_FOUND'>> {
	const found = await loadPersonToEdit(context, actor, groupSlug, organisationId, personId);
	if (!found.ok) return found;
	const { person, organisation } = found.value;
	const name = formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
	await context.db.transaction().execute(async (transaction) => {
		await repository.updatePerson(transaction, person.id, { organisation_id: null });
		// Minutes of meetings before today still show the organisation they had then (issue 4 §3).
		await repository.changeAffiliation(transaction, person.id, null, today(context));
		await recordChange(transaction, {
			entity_type: 'organisation',
			entity_id: organisation.id,
			user_id: actorId(actor),
			at: context.clock().toISOString(),
			action: 'update',
			changes: { personRemoved: name }
		});
	});
	return ok({ removed: true, name });
}
