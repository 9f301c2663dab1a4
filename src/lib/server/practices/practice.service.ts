/**
 * The good practices library of a group (issue 3 §6): what an authority did that others can learn
 * from, with its organisations, themes, links and photos, browsable by theme and by country. Every
 * change is written with its change-log entry in one transaction (§11).
 */
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, authorizePracticeCreation, authorizePracticeEdit, canCreatePractice, canEditPractice, type Actor } from '../auth/policy';
import { recordChange } from '../directory/change-log';
import { isCountryCode } from '../directory/country';
import * as directory from '../directory/directory.repository';
import type { CountryGroupTable } from '../directory/directory.table';
import type { Executor } from '../db/database';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import type { GoodPracticeTable } from './good-practice.table';
import * as files from '../files/stored-file.repository';
import { validateUpload, type UploadCandidate } from '../files/upload-validation';
import * as repository from './practice.repository';
import { ORGANISATION_FIELD_PREFIX, THEME_FIELD_PREFIX, type PracticeInput, type PracticeLinkInput } from './practice.schema';

type Texts = Record<Locale, string>;
type Names = Record<Locale, string | null>;

export interface PracticeGroup {
	slug: string;
	countryCode: string;
	name: Texts;
}

export interface PracticeOrganisation {
	id: string;
	name: Names;
	countryCode: string;
}

export interface PracticeTheme {
	key: string;
	label: Texts;
}

export interface PracticeSummary {
	id: string;
	countryCode: string;
	title: Texts;
	summary: Texts;
	organisations: PracticeOrganisation[];
	themes: PracticeTheme[];
}

export interface PracticeFilters {
	theme?: string | null;
	country?: string | null;
}

export interface PracticeLibrary {
	group: PracticeGroup;
	/** The filters applied; a value the library does not know is dropped (shows everything). */
	filters: { theme: string | null; country: string | null };
	practices: PracticeSummary[];
	/** Every theme with the number of the group's practices on it: the "by theme" view. */
	themes: (PracticeTheme & { count: number })[];
	/** The countries the group's practices come from, with their numbers. */
	countries: { code: string; count: number }[];
	total: number;
	canCreate: boolean;
}

export interface PracticeLink {
	id: string;
	url: string;
	label: string;
}

export interface PracticePhoto {
	id: string;
	caption: string;
	fileName: string;
	mediaType: string;
	size: number;
}

export interface PracticeHistoryEntry {
	id: string;
	at: string;
	action: 'create' | 'update';
	by: string | null;
	changes: Record<string, unknown>;
}

export interface PracticeRecord {
	group: PracticeGroup;
	practice: PracticeSummary & { links: PracticeLink[]; photos: PracticePhoto[]; createdAt: string; updatedAt: string };
	history: PracticeHistoryEntry[];
	/** Every theme's labels: the history names themes by key. */
	themeLabels: Record<string, Texts>;
	canEdit: boolean;
}

/** What the new and edit forms offer to choose from. */
export interface PracticeFormOptions {
	group: PracticeGroup;
	organisations: PracticeOrganisation[];
	themes: PracticeTheme[];
	countries: string[];
	/**
	 * A member's own organisation: always among the practice's organisations when a member writes
	 * it (members add practices for their own organisation, and keep the right to edit them).
	 */
	requiredOrganisationId: string | null;
}

export interface PracticeEditForm extends PracticeFormOptions {
	practiceId: string;
	title: Texts;
	/** The form's values, as the form names its fields. */
	values: Record<string, string>;
}

function rowToGroup(row: CountryGroupTable): PracticeGroup {
	return { slug: row.slug, countryCode: row.country_code, name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en } };
}

const titleOf = (row: Pick<GoodPracticeTable, 'title_fr' | 'title_ko' | 'title_en'>): Texts => ({ fr: row.title_fr, ko: row.title_ko, en: row.title_en });
const summaryOf = (row: Pick<GoodPracticeTable, 'summary_fr' | 'summary_ko' | 'summary_en'>): Texts => ({ fr: row.summary_fr, ko: row.summary_ko, en: row.summary_en });
const themeOf = (row: { key: string; label_fr: string; label_ko: string; label_en: string }): PracticeTheme => ({
	key: row.key,
	label: { fr: row.label_fr, ko: row.label_ko, en: row.label_en }
});
const organisationOf = (row: { id: string; name_fr: string; name_ko: string | null; name_en: string | null; country_code: string }): PracticeOrganisation => ({
	id: row.id,
	name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en },
	countryCode: row.country_code
});

/** The group, if it exists and the actor may see it. */
async function loadGroup(context: ServiceContext, actor: Actor, groupSlug: string) {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.view', group.id);
	if (denied) return denied;
	return ok(group);
}

/** The practice, if it is in the group and the actor may see the group. */
async function loadPractice(context: ServiceContext, actor: Actor, groupSlug: string, practiceId: string) {
	const group = await loadGroup(context, actor, groupSlug);
	if (!group.ok) return group;
	const row = isId(practiceId) ? await repository.findPracticeById(context.db, practiceId) : undefined;
	if (!row || row.group_id !== group.value.id) return fail('NOT_FOUND');
	const organisationIds = (await repository.listOrganisationsOfPractices(context.db, [row.id])).map((organisation) => organisation.id);
	return ok({ group: group.value, row, organisationIds });
}

async function summariesOf(context: ServiceContext, rows: Pick<GoodPracticeTable, 'id' | 'country_code' | 'title_fr' | 'title_ko' | 'title_en' | 'summary_fr' | 'summary_ko' | 'summary_en'>[]) {
	const ids = rows.map((row) => row.id);
	const [organisations, themes] = await Promise.all([repository.listOrganisationsOfPractices(context.db, ids), repository.listThemesOfPractices(context.db, ids)]);
	return rows.map(
		(row): PracticeSummary => ({
			id: row.id,
			countryCode: row.country_code,
			title: titleOf(row),
			summary: summaryOf(row),
			organisations: organisations.filter((organisation) => organisation.good_practice_id === row.id).map(organisationOf),
			themes: themes.filter((theme) => theme.good_practice_id === row.id).map(themeOf)
		})
	);
}

/**
 * The library of a group: its practices, filtered by theme and by country, with how many practices
 * each theme and each country has.
 */
export async function listPractices(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	filters: PracticeFilters = {}
): Promise<Result<PracticeLibrary, 'NOT_FOUND'>> {
	const found = await loadGroup(context, actor, groupSlug);
	if (!found.ok) return found;
	const group = found.value;
	const [themes, byTheme, byCountry] = await Promise.all([
		directory.listThemes(context.db),
		repository.countPracticesByTheme(context.db, group.id),
		repository.countPracticesByCountry(context.db, group.id)
	]);
	const theme = filters.theme && themes.some((candidate) => candidate.key === filters.theme) ? filters.theme : null;
	const countryCode = filters.country?.trim().toUpperCase() ?? '';
	const country = /^[A-Z]{2}$/.test(countryCode) && isCountryCode(countryCode) ? countryCode : null;
	const rows = await repository.listPracticesOfGroup(context.db, group.id, { themeKey: theme, countryCode: country });
	return ok({
		group: rowToGroup(group),
		filters: { theme, country },
		practices: await summariesOf(context, rows),
		themes: themes.map((row) => ({ ...themeOf(row), count: byTheme.find((count) => count.themeKey === row.key)?.count ?? 0 })),
		countries: byCountry.map((row) => ({ code: row.countryCode, count: row.count })),
		total: byCountry.reduce((sum, row) => sum + row.count, 0),
		canCreate: canCreatePractice(actor, group.id)
	});
}

/** One practice: its texts in every language, organisations, themes, links, photos and history. */
export async function getPractice(context: ServiceContext, actor: Actor, groupSlug: string, practiceId: string): Promise<Result<PracticeRecord, 'NOT_FOUND'>> {
	const found = await loadPractice(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const { group, row, organisationIds } = found.value;
	const [[summary], links, photoRows, history, themes] = await Promise.all([
		summariesOf(context, [row]),
		repository.listLinksOfPractice(context.db, row.id),
		files.listStoredFiles(context.db, photosOf(row.id)),
		directory.listChangeLog(context.db, 'good-practice', [row.id]),
		directory.listThemes(context.db)
	]);
	return ok({
		group: rowToGroup(group),
		practice: {
			...summary,
			links: links.map((link) => ({ id: link.id, url: link.url, label: link.label })),
			photos: photoRows.map((photo) => ({ id: photo.id, caption: photo.caption, fileName: photo.file_name, mediaType: photo.media_type, size: Number(photo.size) })),
			createdAt: row.created_at,
			updatedAt: row.updated_at
		},
		history: history.map((entry) => ({
			id: entry.id,
			at: entry.at,
			action: entry.action,
			by: entry.user_name || entry.user_email || null,
			changes: JSON.parse(entry.changes) as Record<string, unknown>
		})),
		themeLabels: Object.fromEntries(themes.map((theme) => [theme.key, themeOf(theme).label])),
		canEdit: canEditPractice(actor, { groupId: group.id, organisationIds })
	});
}

async function formOptions(context: ServiceContext, actor: Actor, group: CountryGroupTable): Promise<PracticeFormOptions> {
	const [organisations, themes, byCountry] = await Promise.all([
		repository.listOrganisationsForPractices(context.db, group.id),
		directory.listThemes(context.db),
		repository.countPracticesByCountry(context.db, group.id)
	]);
	const countries = [...new Set(['FR', group.country_code, ...byCountry.map((row) => row.countryCode)])];
	return {
		group: rowToGroup(group),
		organisations: organisations.map(organisationOf),
		themes: themes.map(themeOf),
		countries,
		requiredOrganisationId: requiredOrganisationOf(actor, group.id)
	};
}

/** The organisation a member must keep on the practices they write (none for coordinators). */
function requiredOrganisationOf(actor: Actor, groupId: string): string | null {
	if (actor.kind === 'anonymous' || actor.isAdministrator || actor.groupRoles[groupId] === 'coordinator') return null;
	return actor.organisationId ?? null;
}

/** What the form for a new practice offers; only for those who may add one. */
export async function getNewPracticeForm(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<PracticeFormOptions, 'NOT_FOUND'>> {
	const found = await loadGroup(context, actor, groupSlug);
	if (!found.ok) return found;
	const denied = authorizePracticeCreation(actor, found.value.id);
	if (denied) return denied;
	return ok(await formOptions(context, actor, found.value));
}

function formValuesOf(row: GoodPracticeTable, organisationIds: string[], themeKeys: string[]): Record<string, string> {
	return {
		countryCode: row.country_code,
		titleFr: row.title_fr,
		titleKo: row.title_ko,
		titleEn: row.title_en,
		summaryFr: row.summary_fr,
		summaryKo: row.summary_ko,
		summaryEn: row.summary_en,
		...Object.fromEntries(organisationIds.map((id) => [`${ORGANISATION_FIELD_PREFIX}${id}`, 'on'])),
		...Object.fromEntries(themeKeys.map((key) => [`${THEME_FIELD_PREFIX}${key}`, 'on']))
	};
}

/** The edit form of a practice, filled with its current values; only for those who may edit it. */
export async function getPracticeEditForm(context: ServiceContext, actor: Actor, groupSlug: string, practiceId: string): Promise<Result<PracticeEditForm, 'NOT_FOUND'>> {
	const found = await loadPractice(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const { group, row, organisationIds } = found.value;
	const denied = authorizePracticeEdit(actor, { groupId: group.id, organisationIds });
	if (denied) return denied;
	const themeKeys = (await repository.listThemesOfPractices(context.db, [row.id])).map((theme) => theme.key);
	return ok({ ...(await formOptions(context, actor, group)), practiceId: row.id, title: titleOf(row), values: formValuesOf(row, organisationIds, themeKeys) });
}

type InputProblem = 'UNKNOWN_COUNTRY' | 'UNKNOWN_ORGANISATION' | 'UNKNOWN_THEME';

/**
 * Checks what the form cannot: the country exists, the organisations are the group's (or already
 * named by one of its practices), the themes are in the shared list. Adds a member's own
 * organisation. Gives the organisations and themes to write.
 */
async function checkInput(context: ServiceContext, actor: Actor, group: CountryGroupTable, input: PracticeInput) {
	if (!isCountryCode(input.countryCode)) return fail<InputProblem>('UNKNOWN_COUNTRY', 'countryCode');
	const [allowed, themes] = await Promise.all([repository.listOrganisationsForPractices(context.db, group.id), directory.listThemes(context.db)]);
	const organisationIds = new Set(input.organisationIds);
	const required = requiredOrganisationOf(actor, group.id);
	if (required) organisationIds.add(required);
	const allowedIds = new Set(allowed.map((organisation) => organisation.id));
	if ([...organisationIds].some((id) => !allowedIds.has(id))) return fail<InputProblem>('UNKNOWN_ORGANISATION', 'organisations');
	if (input.themeKeys.some((key) => !themes.some((theme) => theme.key === key))) return fail<InputProblem>('UNKNOWN_THEME', 'themes');
	const names = new Map(allowed.map((organisation) => [organisation.id, organisation.name_fr]));
	return ok({
		organisationIds: [...organisationIds].sort(),
		organisationNames: [...organisationIds].map((id) => names.get(id) ?? id).sort(),
		themeKeys: [...new Set(input.themeKeys)].sort()
	});
}

const actorId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Adds a practice to the group's library, with its organisations and themes, and records it. */
export async function createPractice(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	input: PracticeInput
): Promise<Result<{ practiceId: string }, 'NOT_FOUND' | InputProblem>> {
	const found = await loadGroup(context, actor, groupSlug);
	if (!found.ok) return found;
	const group = found.value;
	const denied = authorizePracticeCreation(actor, group.id);
	if (denied) return denied;
	const checked = await checkInput(context, actor, group, input);
	if (!checked.ok) return checked;
	const { organisationIds, organisationNames, themeKeys } = checked.value;
	const now = context.clock().toISOString();
	const practiceId = newId();
	await context.db.transaction().execute(async (transaction) => {
		await repository.insertPractice(transaction, {
			id: practiceId,
			group_id: group.id,
			country_code: input.countryCode,
			title_fr: input.titleFr,
			title_ko: input.titleKo,
			title_en: input.titleEn,
			summary_fr: input.summaryFr,
			summary_ko: input.summaryKo,
			summary_en: input.summaryEn,
			created_at: now,
			updated_at: now
		});
		await repository.replacePracticeOrganisations(transaction, practiceId, organisationIds);
		await repository.replacePracticeThemes(transaction, practiceId, themeKeys);
		await recordChange(transaction, {
			entity_type: 'good-practice',
			entity_id: practiceId,
			user_id: actorId(actor),
			at: now,
			action: 'create',
			changes: {
				countryCode: input.countryCode,
				...Object.fromEntries(
					(['titleFr', 'titleKo', 'titleEn'] as const).filter((field) => input[field] !== '').map((field) => [field, input[field]])
				),
				organisations: organisationNames,
				themes: themeKeys
			}
		});
	});
	return ok({ practiceId });
}

const TEXT_FIELDS = {
	countryCode: 'country_code',
	titleFr: 'title_fr',
	titleKo: 'title_ko',
	titleEn: 'title_en',
	summaryFr: 'summary_fr',
	summaryKo: 'summary_ko',
	summaryEn: 'summary_en'
} as const satisfies Record<string, keyof GoodPracticeTable>;

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

/**
 * Changes a practice's texts, country, organisations and themes. Only what differs is written,
 * with one change-log entry giving each field before and after; nothing when nothing differs.
 */
export async function updatePractice(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	input: PracticeInput
): Promise<Result<{ changed: string[] }, 'NOT_FOUND' | InputProblem>> {
	const found = await loadPractice(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const { group, row } = found.value;
	const denied = authorizePracticeEdit(actor, { groupId: group.id, organisationIds: found.value.organisationIds });
	if (denied) return denied;
	const checked = await checkInput(context, actor, group, input);
	if (!checked.ok) return checked;

	const changes: Record<string, [unknown, unknown]> = {};
	const update: Partial<Record<(typeof TEXT_FIELDS)[keyof typeof TEXT_FIELDS], string>> = {};
	for (const [field, column] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, (typeof TEXT_FIELDS)[keyof typeof TEXT_FIELDS]][]) {
		if (row[column] !== input[field]) {
			changes[field] = [row[column], input[field]];
			update[column] = input[field];
		}
	}
	const [organisationsBefore, themesBefore] = await Promise.all([
		repository.listOrganisationsOfPractices(context.db, [row.id]),
		repository.listThemesOfPractices(context.db, [row.id])
	]);
	const organisationIdsBefore = organisationsBefore.map((organisation) => organisation.id).sort();
	const themeKeysBefore = themesBefore.map((theme) => theme.key).sort();
	const organisationsChanged = !sameList(organisationIdsBefore, checked.value.organisationIds);
	const themesChanged = !sameList(themeKeysBefore, checked.value.themeKeys);
	if (organisationsChanged) changes.organisations = [organisationsBefore.map((organisation) => organisation.name_fr).sort(), checked.value.organisationNames];
	if (themesChanged) changes.themes = [themeKeysBefore, checked.value.themeKeys];
	if (Object.keys(changes).length === 0) return ok({ changed: [] });

	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (transaction) => {
		await repository.updatePractice(transaction, row.id, { ...update, updated_at: now });
		if (organisationsChanged) await repository.replacePracticeOrganisations(transaction, row.id, checked.value.organisationIds);
		if (themesChanged) await repository.replacePracticeThemes(transaction, row.id, checked.value.themeKeys);
		await recordChange(transaction, { entity_type: 'good-practice', entity_id: row.id, user_id: actorId(actor), at: now, action: 'update', changes });
	});
	return ok({ changed: Object.keys(changes) });
}

/** Loads the practice for a change to its links or photos: the actor must be allowed to edit it. */
async function loadForEdit(context: ServiceContext, actor: Actor, groupSlug: string, practiceId: string) {
	const found = await loadPractice(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const denied = authorizePracticeEdit(actor, { groupId: found.value.group.id, organisationIds: found.value.organisationIds });
	if (denied) return denied;
	return found;
}

/**
 * Writes a change to the practice's links or photos, touches its updated_at and records the change,
 * all in one transaction.
 */
async function writePracticeChange(context: ServiceContext, actor: Actor, practiceId: string, changes: Record<string, unknown>, write: (transaction: Executor) => Promise<void>) {
	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (transaction) => {
		await write(transaction);
		await repository.updatePractice(transaction, practiceId, { updated_at: now });
		await recordChange(transaction, { entity_type: 'good-practice', entity_id: practiceId, user_id: actorId(actor), at: now, action: 'update', changes });
	});
}

const describeLink = (link: { url: string; label: string }) => (link.label ? `${link.label} <${link.url}>` : link.url);

/** Adds a link (http or https only) to a practice. */
export async function addPracticeLink(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	input: PracticeLinkInput
): Promise<Result<{ linkId: string }, 'NOT_FOUND'>> {
	const found = await loadForEdit(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const linkId = newId();
	await writePracticeChange(context, actor, practiceId, { linkAdded: describeLink(input) }, (transaction) =>
		repository.insertLink(transaction, { id: linkId, good_practice_id: practiceId, url: input.url, label: input.label })
	);
	return ok({ linkId });
}

/** Removes one of the practice's links. */
export async function removePracticeLink(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	linkId: string
): Promise<Result<{ removed: string }, 'NOT_FOUND'>> {
	const found = await loadForEdit(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const link = (await repository.listLinksOfPractice(context.db, practiceId)).find((candidate) => candidate.id === linkId);
	if (!link) return fail('NOT_FOUND');
	await writePracticeChange(context, actor, practiceId, { linkRemoved: describeLink(link) }, async (transaction) => {
		await repository.deleteLink(transaction, practiceId, link.id);
	});
	return ok({ removed: link.url });
}

export type PhotoRefusal = 'FILE_REQUIRED' | 'FILE_TOO_LARGE' | 'FILE_TYPE';

const PHOTO_REFUSALS = { file_required: 'FILE_REQUIRED', file_too_large: 'FILE_TOO_LARGE', file_type: 'FILE_TYPE' } as const;

/** A practice's photos are the stored files it owns. */
const photosOf = (practiceId: string) => ({ type: 'good-practice' as const, id: practiceId });

/**
 * Adds a photo to a practice: a PNG, JPEG or WebP image (recognised by its bytes, and named as
 * such) of at most 10 MB, with its caption (already checked by practicePhotoCaptionSchema).
 */
export async function addPracticePhoto(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	input: { caption: string; file: UploadCandidate | null }
): Promise<Result<{ photoId: string }, 'NOT_FOUND' | PhotoRefusal>> {
	const found = await loadForEdit(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	if (!input.file) return fail('FILE_REQUIRED', 'photo');
	const checked = validateUpload(input.file, { allowed: 'images' });
	if (!checked.ok) return fail(PHOTO_REFUSALS[checked.reason], 'photo');
	const photo = checked.value;
	const photoId = newId();
	await writePracticeChange(context, actor, practiceId, { photoAdded: `${input.caption} (${photo.fileName})` }, (transaction) =>
		files.insertStoredFile(transaction, {
			id: photoId,
			group_id: found.value.group.id,
			owner_type: 'good-practice',
			owner_id: practiceId,
			file_name: photo.fileName,
			media_type: photo.mediaType,
			size: photo.size,
			caption: input.caption,
			content: photo.content,
			uploaded_by: actorId(actor),
			uploaded_at: context.clock().toISOString()
		})
	);
	return ok({ photoId });
}

/** Deletes one of the practice's photos. */
export async function deletePracticePhoto(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	photoId: string
): Promise<Result<{ deleted: string }, 'NOT_FOUND'>> {
	const found = await loadForEdit(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const photo = (await files.listStoredFiles(context.db, photosOf(practiceId))).find((candidate) => candidate.id === photoId);
	if (!photo) return fail('NOT_FOUND');
	await writePracticeChange(context, actor, practiceId, { photoRemoved: `${photo.caption} (${photo.file_name})` }, async (transaction) => {
		await files.deleteStoredFile(transaction, photosOf(practiceId), photo.id);
	});
	return ok({ deleted: photo.file_name });
}

/** A photo's bytes and type, for whoever may see the group. */
export async function getPracticePhoto(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	practiceId: string,
	photoId: string
): Promise<Result<{ fileName: string; mediaType: string; size: number; content: Uint8Array }, 'NOT_FOUND'>> {
	const found = await loadPractice(context, actor, groupSlug, practiceId);
	if (!found.ok) return found;
	const photo = isId(photoId) ? await files.getStoredFile(context.db, photosOf(practiceId), photoId) : undefined;
	if (!photo) return fail('NOT_FOUND');
	return ok({ fileName: photo.file_name, mediaType: photo.media_type, size: photo.size, content: photo.content });
}
