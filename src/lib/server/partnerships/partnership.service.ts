/**
 * The partnerships register (issue 3 §5): a French organisation and a foreign one (or a partner
 * still to be identified), a kind, themes, descriptions, sources and documents, and a timeline of
 * dated statuses whose latest gives the current status. Every change is written with its
 * change-log entry in the same transaction (§11).
 *
 * Who may do what (policy.ts): the group's members, partners and coordinators read; a member
 * edits the partnerships where their own organisation is one side; coordinators edit them all.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, canEditOrganisation, standingOf, type Actor } from '../auth/policy';
import { recordChange } from '../directory/change-log';
import * as directory from '../directory/directory.repository';
import type { CountryGroupTable, OrganisationTable } from '../directory/directory.table';
import { findOfficialAuthority } from '../directory/official-lists.service';
import * as files from '../files/stored-file.repository';
import { validateUpload, type UploadCandidate, type UploadRefusal, type ValidUpload } from '../files/upload-validation';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Failure, type Result } from '../shared/result';
import { organisationFromOfficialChoice } from './official-partner';
import * as repository from './partnership.repository';
import type { NewPartnershipInput, PartnershipFilters, PartnershipInput, StatusChangeInput } from './partnership.schema';
import type { PartnershipKind, PartnershipStatus, PartnershipTable } from './partnership.table';

type Names = Record<Locale, string | null>;

/** A field the person must correct, with the form error code to show next to it. */
export type InvalidField = { ok: false; reason: 'INVALID_FIELD'; field: string; code: string };

function invalid(field: string, code: string): InvalidField {
	return { ok: false, reason: 'INVALID_FIELD', field, code };
}

export interface PartnershipSide {
	organisationId: string;
	name: Names;
	regionName?: string | null;
}

/** The foreign side: an organisation of the directory, or only a country and a region. */
export type ForeignSide = (PartnershipSide & { identified: true; countryCode: string }) | { identified: false; countryCode: string; region: string | null };

export interface PartnershipSummary {
	id: string;
	french: PartnershipSide;
	foreign: ForeignSide;
	kind: PartnershipKind;
	status: PartnershipStatus;
	/** The date of the current status, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD). */
	statusDate: string | null;
	themes: string[];
	verified: boolean;
}

export interface GroupRef {
	id: string;
	slug: string;
	countryCode: string;
	name: Record<Locale, string>;
}

function groupRef(row: CountryGroupTable): GroupRef {
	return { id: row.id, slug: row.slug, countryCode: row.country_code, name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en } };
}

async function loadGroup(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<CountryGroupTable, 'NOT_FOUND'>> {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	return ok(group);
}

/** Whether the actor may change a partnership with these sides (either side being theirs is enough for a member). */
export function canEditPartnership(actor: Actor, partnership: { groupId: string; frenchOrganisationId: string; foreignOrganisationId: string | null }): boolean {
	const groupIds = [partnership.groupId];
	return (
		canEditOrganisation(actor, { id: partnership.frenchOrganisationId, groupIds }) ||
		(partnership.foreignOrganisationId !== null && canEditOrganisation(actor, { id: partnership.foreignOrganisationId, groupIds }))
	);
}

/** Whether the actor may add partnerships to the group at all: coordinators, and members who belong to an organisation. */
function canCreateIn(actor: Actor, groupId: string): boolean {
	if (actor.kind === 'anonymous') return false;
	const standing = standingOf(actor, groupId);
	if (standing === 'administrator' || standing === 'coordinator') return true;
	return standing === 'member' && !!actor.organisationId;
}

function denial(actor: Actor): Failure<'UNAUTHENTICATED' | 'FORBIDDEN'> {
	return fail(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/** The latest event of a timeline: the latest date, and of one date the last recorded. */
function latestEvent<T extends { on_date: string; recorded_at: string; id: string }>(events: T[]): T | undefined {
	return [...events].sort(compareEvents).at(-1);
}

/** Dates of different precision compare as text: "2023" < "2023-04" < "2023-04-18" < "2024". */
function compareEvents(a: { on_date: string; recorded_at: string; id: string }, b: { on_date: string; recorded_at: string; id: string }): number {
	return a.on_date.localeCompare(b.on_date) || a.recorded_at.localeCompare(b.recorded_at) || a.id.localeCompare(b.id);
}

type PartyRow = Awaited<ReturnType<typeof repository.listGroupPartnerships>>[number];

function summaryOf(row: PartyRow, themes: string[], statusDate: string | null): PartnershipSummary {
	return {
		id: row.id,
		french: { organisationId: row.french_organisation_id, name: { fr: row.french_name_fr, ko: row.french_name_ko, en: row.french_name_en } },
		foreign:
			row.foreign_organisation_id && row.foreign_name_fr
				? {
						identified: true,
						countryCode: row.foreign_country_code,
						organisationId: row.foreign_organisation_id,
						name: { fr: row.foreign_name_fr, ko: row.foreign_name_ko, en: row.foreign_name_en },
						regionName: row.foreign_region_name
					}
				: { identified: false, countryCode: row.foreign_country_code, region: row.foreign_region },
		kind: row.kind,
		status: row.status,
		statusDate,
		themes,
		verified: Boolean(Number(row.verified))
	};
}

async function summariesOf(context: ServiceContext, groupId: string, filters: Parameters<typeof repository.listGroupPartnerships>[2]): Promise<PartnershipSummary[]> {
	const rows = await repository.listGroupPartnerships(context.db, groupId, filters);
	if (rows.length === 0) return [];
	const themes = new Map<string, string[]>();
	for (const row of await repository.listGroupPartnershipThemes(context.db, groupId)) {
		themes.set(row.partnership_id, [...(themes.get(row.partnership_id) ?? []), row.theme_key]);
	}
	const events = new Map<string, Awaited<ReturnType<typeof repository.listGroupStatusEvents>>>();
	for (const event of await repository.listGroupStatusEvents(context.db, groupId)) {
		events.set(event.partnership_id, [...(events.get(event.partnership_id) ?? []), event]);
	}
	return rows.map((row) => summaryOf(row, themes.get(row.id) ?? [], latestEvent(events.get(row.id) ?? [])?.on_date ?? null));
}

export interface PartnershipList {
	group: GroupRef;
	partnerships: PartnershipSummary[];
	themes: { key: string; label: Record<Locale, string> }[];
	canCreate: boolean;
}

/** A group's partnerships, filtered by status, kind and theme, with the date of each one's current status. */
export async function listPartnerships(context: ServiceContext, actor: Actor, groupSlug: string, filters: PartnershipFilters = {}): Promise<Result<PartnershipList, 'NOT_FOUND'>> {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	const themes = await directory.listThemes(context.db);
	return ok({
		group: groupRef(group.value),
		partnerships: await summariesOf(context, group.value.id, { status: filters.status, kind: filters.kind, theme: filters.theme }),
		themes: themes.map((theme) => ({ key: theme.key, label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en } })),
		canCreate: canCreateIn(actor, group.value.id)
	});
}

/** The partnerships an organisation is one side of, in a group (for its record page). */
export async function listOrganisationPartnerships(context: ServiceContext, actor: Actor, groupSlug: string, organisationId: string): Promise<Result<PartnershipSummary[], 'NOT_FOUND'>> {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	if (!isId(organisationId)) return fail('NOT_FOUND');
	return ok(await summariesOf(context, group.value.id, { organisationId }));
}

export interface TimelineEvent {
	id: string;
	status: PartnershipStatus;
	onDate: string;
	note: string;
	recordedAt: string;
	recordedBy: string | null;
}

export interface PartnershipDocument {
	id: string;
	fileName: string;
	mediaType: string;
	size: number;
	uploadedAt: string;
}

export interface PartnershipHistoryEntry {
	id: string;
	at: string;
	action: 'create' | 'update';
	by: string | null;
	changes: Record<string, unknown>;
}

export interface PartnershipRecord {
	group: GroupRef;
	partnership: PartnershipSummary & {
		descriptionFr: string;
		descriptionKo: string;
		sources: string;
		createdAt: string;
		updatedAt: string;
	};
	timeline: TimelineEvent[];
	documents: PartnershipDocument[];
	history: PartnershipHistoryEntry[];
	canEdit: boolean;
	/** Every theme's label, to name the partnership's themes and those in its history. */
	themeLabels: Record<string, Record<Locale, string>>;
	/** The edit form's values, as text. */
	formValues: Record<string, string>;
}

async function loadPartnership(context: ServiceContext, actor: Actor, groupSlug: string, partnershipId: string) {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	const row = isId(partnershipId) ? await repository.findPartnership(context.db, group.value.id, partnershipId) : undefined;
	if (!row) return fail('NOT_FOUND');
	return ok({ group: group.value, row });
}

function editableBy(actor: Actor, row: PartnershipTable): boolean {
	return canEditPartnership(actor, { groupId: row.group_id, frenchOrganisationId: row.french_organisation_id, foreignOrganisationId: row.foreign_organisation_id });
}

/** One partnership: both sides, its timeline in date order, themes, texts, documents and history. */
export async function getPartnership(context: ServiceContext, actor: Actor, groupSlug: string, partnershipId: string): Promise<Result<PartnershipRecord, 'NOT_FOUND'>> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const { group, row } = found.value;
	const [summary] = await summariesOf(context, group.id, { organisationId: row.french_organisation_id }).then((list) => list.filter((item) => item.id === row.id));
	const events = await repository.listStatusEvents(context.db, row.id);
	const documents = await files.listStoredFiles(context.db, { type: 'partnership', id: row.id });
	const history = await directory.listChangeLog(context.db, 'partnership', [row.id]);
	const themes = await directory.listThemes(context.db);
	return ok({
		group: groupRef(group),
		partnership: {
			...summary,
			descriptionFr: row.description_fr,
			descriptionKo: row.description_ko,
			sources: row.sources,
			createdAt: row.created_at,
			updatedAt: row.updated_at
		},
		timeline: events.map((event) => ({
			id: event.id,
			status: event.status,
			onDate: event.on_date,
			note: event.note,
			recordedAt: event.recorded_at,
			recordedBy: event.recorded_by_name ?? null
		})),
		documents: documents.map((file) => ({ id: file.id, fileName: file.file_name, mediaType: file.media_type, size: file.size, uploadedAt: file.uploaded_at })),
		history: history.map((entry) => ({
			id: entry.id,
			at: entry.at,
			action: entry.action,
			by: entry.user_name || entry.user_email || null,
			changes: JSON.parse(entry.changes) as Record<string, unknown>
		})),
		canEdit: editableBy(actor, row),
		themeLabels: Object.fromEntries(themes.map((theme) => [theme.key, { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en }])),
		formValues: {
			frenchOrganisationId: row.french_organisation_id,
			foreignMode: row.foreign_organisation_id ? 'directory' : 'unidentified',
			foreignOrganisationId: row.foreign_organisation_id ?? '',
			foreignRegion: row.foreign_organisation_id ? '' : (row.foreign_region ?? ''),
			kind: row.kind,
			descriptionFr: row.description_fr,
			descriptionKo: row.description_ko,
			sources: row.sources,
			verified: Number(row.verified) ? 'on' : '',
			...Object.fromEntries(summary.themes.map((theme) => [`theme:${theme}`, 'on']))
		}
	});
}

export interface OrganisationChoice {
	id: string;
	name: Names;
	kind: string;
}

export interface PartnershipFormOptions {
	group: GroupRef;
	/** French organisations the actor may put on the French side. */
	frenchOrganisations: OrganisationChoice[];
	/** Organisations of the partner country in the directory. */
	foreignOrganisations: OrganisationChoice[];
	themes: { key: string; label: Record<Locale, string> }[];
	/** Whether the partner country has an official list to pick from (France and Korea do). */
	hasOfficialList: boolean;
}

function choiceOf(row: Pick<OrganisationTable, 'id' | 'name_fr' | 'name_ko' | 'name_en' | 'kind'>): OrganisationChoice {
	return { id: row.id, name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en }, kind: row.kind };
}

/**
 * What the new and edit forms offer. A member is offered their own organisation as the French side
 * (or any, when their organisation is the foreign side of the partnership being edited).
 */
export async function getPartnershipFormOptions(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId?: string
): Promise<Result<PartnershipFormOptions, 'NOT_FOUND'>> {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	let existing: PartnershipTable | undefined;
	if (partnershipId !== undefined) {
		existing = isId(partnershipId) ? await repository.findPartnership(context.db, group.value.id, partnershipId) : undefined;
		if (!existing) return fail('NOT_FOUND');
		if (!editableBy(actor, existing)) return denial(actor);
	} else if (!canCreateIn(actor, group.value.id)) return denial(actor);
	const groupId = group.value.id;
	const candidates = await repository.listFrenchSideCandidates(context.db, groupId);
	// Whoever holds the foreign side may pair it with any French organisation; otherwise the French
	// side is one the actor may edit (a member's own), or the one the partnership already has.
	const holdsForeignSide = existing?.foreign_organisation_id ? canEditOrganisation(actor, { id: existing.foreign_organisation_id, groupIds: [groupId] }) : false;
	const french = candidates.filter(
		(candidate) => holdsForeignSide || canEditOrganisation(actor, { id: candidate.id, groupIds: [groupId] }) || candidate.id === existing?.french_organisation_id
	);
	const foreign = await repository.listOrganisationsOfCountry(context.db, group.value.country_code);
	const themes = await directory.listThemes(context.db);
	return ok({
		group: groupRef(group.value),
		frenchOrganisations: french.map(choiceOf),
		foreignOrganisations: foreign.map(choiceOf),
		themes: themes.map((theme) => ({ key: theme.key, label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en } })),
		hasOfficialList: group.value.country_code === 'KR' || group.value.country_code === 'FR'
	});
}

type ResolvedForeign =
	| { mode: 'existing'; organisation: OrganisationTable }
	| { mode: 'create'; organisation: ReturnType<typeof organisationFromOfficialChoice> }
	| { mode: 'unidentified'; region: string };

/** Checks both sides and the themes against the directory; nothing is written here. */
async function resolveSides(
	context: ServiceContext,
	group: CountryGroupTable,
	input: PartnershipInput,
	now: string
): Promise<{ ok: true; french: OrganisationTable; foreign: ResolvedForeign } | InvalidField> {
	const candidates = await repository.listFrenchSideCandidates(context.db, group.id);
	const french = isId(input.frenchOrganisationId) && candidates.some((candidate) => candidate.id === input.frenchOrganisationId) ? await directory.findOrganisationById(context.db, input.frenchOrganisationId) : undefined;
	if (!french) return invalid('frenchOrganisationId', 'invalid_choice');

	let foreign: ResolvedForeign;
	const side = input.foreignSide;
	if (side.mode === 'directory') {
		const organisation = isId(side.organisationId) ? await directory.findOrganisationById(context.db, side.organisationId) : undefined;
		if (!organisation || organisation.country_code !== group.country_code) return invalid('foreignOrganisationId', 'invalid_choice');
		foreign = { mode: 'existing', organisation };
	} else if (side.mode === 'official') {
		const choice = findOfficialAuthority(side.pick, now.slice(0, 10));
		if (!choice || choice.countryCode !== group.country_code) return invalid('officialPick', 'invalid_choice');
		// The same official code means the same authority: reuse the record, never a second one.
		const known = await directory.findOrganisationByOfficialCode(context.db, choice.officialCodeScheme, choice.officialCode);
		foreign = known ? { mode: 'existing', organisation: known } : { mode: 'create', organisation: organisationFromOfficialChoice(choice, newId(), now) };
	} else {
		foreign = { mode: 'unidentified', region: side.region };
	}

	const known = new Set((await directory.listThemes(context.db)).map((theme) => theme.key));
	if (input.themes.some((theme) => !known.has(theme))) return invalid('themes', 'invalid_choice');
	return { ok: true, french, foreign };
}

function foreignIdOf(foreign: ResolvedForeign): string | null {
	return foreign.mode === 'unidentified' ? null : foreign.organisation.id;
}

function foreignLabelOf(foreign: ResolvedForeign): string {
	return foreign.mode === 'unidentified' ? `? (${foreign.region})` : foreign.organisation.name_fr;
}

async function writeForeignOrganisation(transaction: Parameters<typeof directory.insertOrganisation>[0], foreign: ResolvedForeign, actor: Actor, now: string): Promise<void> {
	if (foreign.mode !== 'create') return;
	await directory.insertOrganisation(transaction, foreign.organisation);
	await recordChange(transaction, {
		entity_type: 'organisation',
		entity_id: foreign.organisation.id,
		user_id: actor.kind === 'user' ? actor.userId : null,
		at: now,
		action: 'create',
		changes: { nameFr: foreign.organisation.name_fr, officialCode: foreign.organisation.official_code }
	});
}

function validateDocuments(documents: UploadCandidate[]): { ok: true; value: ValidUpload[] } | InvalidField {
	const valid: ValidUpload[] = [];
	for (const document of documents) {
		const checked = validateUpload(document, { allowed: 'documents' });
		if (!checked.ok) return invalid('document', checked.reason satisfies UploadRefusal);
		valid.push(checked.value);
	}
	return { ok: true, value: valid };
}

export type CreatePartnershipResult = Result<{ partnershipId: string }, 'NOT_FOUND'> | InvalidField;

/**
 * Creates a partnership with its first dated status, its themes and optional documents. A Korean
 * local government picked from the official list becomes an organisation of the directory (or the
 * existing one with the same code is used). All of it, with its change-log entries, or nothing.
 */
export async function createPartnership(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	input: NewPartnershipInput,
	documents: UploadCandidate[] = []
): Promise<CreatePartnershipResult> {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	if (!canCreateIn(actor, group.value.id)) return denial(actor);
	const now = context.clock().toISOString();
	const sides = await resolveSides(context, group.value, input, now);
	if (!sides.ok) return sides;
	const { french, foreign } = sides;
	if (!canEditPartnership(actor, { groupId: group.value.id, frenchOrganisationId: french.id, foreignOrganisationId: foreignIdOf(foreign) })) {
		return invalid('frenchOrganisationId', 'not_your_organisation');
	}
	const checkedDocuments = validateDocuments(documents);
	if (!checkedDocuments.ok) return checkedDocuments;

	const id = newId();
	const userId = actor.kind === 'user' ? actor.userId : null;
	await context.db.transaction().execute(async (transaction) => {
		await writeForeignOrganisation(transaction, foreign, actor, now);
		await repository.insertPartnership(transaction, {
			id,
			group_id: group.value.id,
			french_organisation_id: french.id,
			foreign_organisation_id: foreignIdOf(foreign),
			foreign_country_code: group.value.country_code,
			foreign_region: foreign.mode === 'unidentified' ? foreign.region : null,
			kind: input.kind,
			status: input.firstStatus.status,
			description_fr: input.descriptionFr,
			description_ko: input.descriptionKo,
			sources: input.sources,
			verified: input.verified ? 1 : 0,
			created_at: now,
			updated_at: now
		});
		await repository.insertStatusEvent(transaction, {
			id: newId(),
			partnership_id: id,
			status: input.firstStatus.status,
			on_date: input.firstStatus.onDate,
			note: input.firstStatus.note,
			recorded_by: userId,
			recorded_at: now
		});
		await repository.replaceThemes(transaction, id, input.themes);
		for (const document of checkedDocuments.value) {
			await files.insertStoredFile(transaction, {
				id: newId(),
				group_id: group.value.id,
				owner_type: 'partnership',
				owner_id: id,
				file_name: document.fileName,
				media_type: document.mediaType,
				size: document.size,
				caption: '',
				content: document.content,
				uploaded_by: userId,
				uploaded_at: now
			});
		}
		await recordChange(transaction, {
			entity_type: 'partnership',
			entity_id: id,
			user_id: userId,
			at: now,
			action: 'create',
			changes: {
				frenchOrganisation: french.name_fr,
				foreignOrganisation: foreignLabelOf(foreign),
				kind: input.kind,
				status: input.firstStatus.status,
				statusDate: input.firstStatus.onDate,
				themes: input.themes,
				verified: input.verified,
				...(checkedDocuments.value.length ? { documents: checkedDocuments.value.map((document) => document.fileName) } : {})
			}
		});
	});
	return ok({ partnershipId: id });
}

export type UpdatePartnershipResult = Result<{ changed: string[] }, 'NOT_FOUND'> | InvalidField;

/**
 * Changes a partnership's sides, kind, themes and texts; the status only changes through
 * `recordStatusChange`. Only what differs is written, with one change-log entry of before/after.
 */
export async function updatePartnership(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId: string,
	input: PartnershipInput
): Promise<UpdatePartnershipResult> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const { group, row } = found.value;
	if (!editableBy(actor, row)) return denial(actor);
	const now = context.clock().toISOString();
	const sides = await resolveSides(context, group, input, now);
	if (!sides.ok) return sides;
	const { french, foreign } = sides;
	// A member may not hand the partnership over to sides that are not theirs.
	if (!canEditPartnership(actor, { groupId: group.id, frenchOrganisationId: french.id, foreignOrganisationId: foreignIdOf(foreign) })) {
		return invalid('frenchOrganisationId', 'not_your_organisation');
	}

	const beforeThemes = (await repository.listThemeKeys(context.db, row.id)).sort();
	const afterThemes = [...new Set(input.themes)].sort();
	const names = async (id: string | null) => (id ? ((await directory.findOrganisationById(context.db, id))?.name_fr ?? null) : null);
	const changes: Record<string, [unknown, unknown]> = {};
	const update: Parameters<typeof repository.updatePartnership>[2] = {};
	if (row.french_organisation_id !== french.id) {
		changes.frenchOrganisation = [await names(row.french_organisation_id), french.name_fr];
		update.french_organisation_id = french.id;
	}
	const foreignId = foreignIdOf(foreign);
	const foreignRegion = foreign.mode === 'unidentified' ? foreign.region : null;
	if (row.foreign_organisation_id !== foreignId || (foreignId === null && row.foreign_region !== foreignRegion)) {
		changes.foreignOrganisation = [row.foreign_organisation_id ? await names(row.foreign_organisation_id) : `? (${row.foreign_region ?? ''})`, foreignLabelOf(foreign)];
		update.foreign_organisation_id = foreignId;
		update.foreign_region = foreignRegion;
	}
	const simple = [
		['kind', 'kind', input.kind],
		['descriptionFr', 'description_fr', input.descriptionFr],
		['descriptionKo', 'description_ko', input.descriptionKo],
		['sources', 'sources', input.sources]
	] as const;
	for (const [field, column, value] of simple) {
		if (row[column] !== value) {
			changes[field] = [row[column], value];
			(update as Record<string, unknown>)[column] = value;
		}
	}
	if (Boolean(Number(row.verified)) !== input.verified) {
		changes.verified = [Boolean(Number(row.verified)), input.verified];
		update.verified = input.verified ? 1 : 0;
	}
	const themesChanged = beforeThemes.join(',') !== afterThemes.join(',');
	if (themesChanged) changes.themes = [beforeThemes, afterThemes];
	if (Object.keys(changes).length === 0) return ok({ changed: [] });

	await context.db.transaction().execute(async (transaction) => {
		await writeForeignOrganisation(transaction, foreign, actor, now);
		await repository.updatePartnership(transaction, row.id, { ...update, updated_at: now });
		if (themesChanged) await repository.replaceThemes(transaction, row.id, afterThemes);
		await recordChange(transaction, {
			entity_type: 'partnership',
			entity_id: row.id,
			user_id: actor.kind === 'user' ? actor.userId : null,
			at: now,
			action: 'update',
			changes
		});
	});
	return ok({ changed: Object.keys(changes) });
}

/**
 * Appends a dated status to the timeline. The partnership's status becomes that of the latest-dated
 * event, which is not always the one just recorded: a signing of 2016 entered today after an
 * "active" of 2020 leaves it active.
 */
export async function recordStatusChange(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId: string,
	input: StatusChangeInput
): Promise<Result<{ status: PartnershipStatus }, 'NOT_FOUND'>> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const { row } = found.value;
	if (!editableBy(actor, row)) return denial(actor);
	const now = context.clock().toISOString();
	const event = { id: newId(), partnership_id: row.id, status: input.status, on_date: input.onDate, note: input.note, recorded_by: actor.kind === 'user' ? actor.userId : null, recorded_at: now };
	const status = await context.db.transaction().execute(async (transaction) => {
		await repository.insertStatusEvent(transaction, event);
		const current = latestEvent(await repository.listStatusEvents(transaction, row.id))!.status;
		await repository.updatePartnership(transaction, row.id, { status: current, updated_at: now });
		await recordChange(transaction, {
			entity_type: 'partnership',
			entity_id: row.id,
			user_id: event.recorded_by,
			at: now,
			action: 'update',
			changes: {
				statusEvent: { status: input.status, onDate: input.onDate, note: input.note },
				...(current !== row.status ? { status: [row.status, current] } : {})
			}
		});
		return current;
	});
	return ok({ status });
}

/** Adds a document (PDF, DOCX, PNG, JPEG, WebP; 10 MB at most) to a partnership; a refused file writes nothing. */
export async function addPartnershipDocument(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId: string,
	upload: UploadCandidate | null
): Promise<Result<{ documentId: string }, 'NOT_FOUND'> | InvalidField> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const { group, row } = found.value;
	if (!editableBy(actor, row)) return denial(actor);
	if (!upload) return invalid('document', 'file_required');
	const checked = validateUpload(upload, { allowed: 'documents' });
	if (!checked.ok) return invalid('document', checked.reason);
	const now = context.clock().toISOString();
	const id = newId();
	const userId = actor.kind === 'user' ? actor.userId : null;
	await context.db.transaction().execute(async (transaction) => {
		await files.insertStoredFile(transaction, {
			id,
			group_id: group.id,
			owner_type: 'partnership',
			owner_id: row.id,
			file_name: checked.value.fileName,
			media_type: checked.value.mediaType,
			size: checked.value.size,
			caption: '',
			content: checked.value.content,
			uploaded_by: userId,
			uploaded_at: now
		});
		await repository.updatePartnership(transaction, row.id, { updated_at: now });
		await recordChange(transaction, { entity_type: 'partnership', entity_id: row.id, user_id: userId, at: now, action: 'update', changes: { documentAdded: checked.value.fileName } });
	});
	return ok({ documentId: id });
}

/** Removes one of a partnership's documents. */
export async function removePartnershipDocument(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId: string,
	documentId: string
): Promise<Result<{ fileName: string }, 'NOT_FOUND'>> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const { row } = found.value;
	if (!editableBy(actor, row)) return denial(actor);
	const owner = { type: 'partnership', id: row.id } as const;
	const file = isId(documentId) ? (await files.listStoredFiles(context.db, owner)).find((candidate) => candidate.id === documentId) : undefined;
	if (!file) return fail('NOT_FOUND');
	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (transaction) => {
		await files.deleteStoredFile(transaction, owner, file.id);
		await repository.updatePartnership(transaction, row.id, { updated_at: now });
		await recordChange(transaction, {
			entity_type: 'partnership',
			entity_id: row.id,
			user_id: actor.kind === 'user' ? actor.userId : null,
			at: now,
			action: 'update',
			changes: { documentRemoved: file.file_name }
		});
	});
	return ok({ fileName: file.file_name });
}

/** A document's bytes, for whoever may read the partnership; another group's or an unknown id is not found. */
export async function getPartnershipDocument(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	partnershipId: string,
	documentId: string
): Promise<Result<{ fileName: string; mediaType: string; size: number; content: Uint8Array }, 'NOT_FOUND'>> {
	const found = await loadPartnership(context, actor, groupSlug, partnershipId);
	if (!found.ok) return found;
	const file = isId(documentId) ? await files.getStoredFile(context.db, { type: 'partnership', id: found.value.row.id }, documentId) : undefined;
	if (!file || file.group_id !== found.value.group.id) return fail('NOT_FOUND');
	return ok({ fileName: file.file_name, mediaType: file.media_type, size: file.size, content: file.content });
}
