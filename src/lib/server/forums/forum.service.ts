/**
 * Forum editions of a group and their programme (issue 5 §1–2): the yearly bilateral forum, its
 * hosts, places, dates in the host's zone, status and report; a multi-day programme whose items are
 * written in the host's zone and shown also in Paris time; a programme started from a previous
 * edition's. Coordinators ('group.manage') write; whoever may view the group reads, the programme
 * once it is published.
 */
import { PARIS_ZONE, SEOUL_ZONE, utcToZonedFields, zonedToUtc } from '../../format/time-zones';
import { authorize, can, type Actor } from '../auth/policy';
import type { Executor } from '../db/database';
import { recordChange } from '../directory/change-log';
import { findGroupBySlug, listThemes } from '../directory/directory.repository';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './forum.repository';
import { placesText, type ForumInput, type ProgrammeItemInput } from './forum.schema';
import { FORUM_STATUSES, type ForumStatus, type ProgrammeItemKind } from './forum.table';
import { groupByLocalDay, localDayOf, shiftItems } from './programme-days';

export interface ForumGroup {
	id: string;
	slug: string;
	name: { fr: string; ko: string; en: string };
	/** ISO 3166-1 alpha-2 of the group's partner country ('KR' for the Korea group). */
	country: string;
}

export interface ForumSummary {
	id: string;
	groupId: string;
	number: number;
	title: { fr: string; ko: string };
	theme: { fr: string; ko: string };
	hostCountry: string;
	hostTimezone: string;
	/** Local dates (YYYY-MM-DD) in hostTimezone, null until chosen. */
	startsOn: string | null;
	endsOn: string | null;
	status: ForumStatus;
}

export interface OrganisationName {
	id: string;
	name: { fr: string; ko: string | null; en: string | null };
}

export function rowToForumSummary(row: repository.ForumRow): ForumSummary {
	return {
		id: row.id,
		groupId: row.group_id,
		number: Number(row.number),
		title: { fr: row.title_fr, ko: row.title_ko },
		theme: { fr: row.theme_fr, ko: row.theme_ko },
		hostCountry: row.host_country,
		hostTimezone: row.host_timezone,
		startsOn: row.starts_on,
		endsOn: row.ends_on,
		status: row.status
	};
}

/** The group by slug when the actor may do `action` there. */
export async function loadForumGroup(context: ServiceContext, actor: Actor, groupSlug: string, action: 'group.view' | 'group.manage'): Promise<Result<ForumGroup, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, action, group.id);
	if (denied) return denied;
	return ok({ id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en }, country: group.country_code });
}

/** Parses "2" from a URL; anything else is no forum number. */
export function parseForumNumber(text: string): number | null {
	return /^[1-9]\d{0,4}$/.test(text) ? Number(text) : null;
}

export interface ForumOfGroup {
	group: ForumGroup;
	forum: ForumSummary;
	/** The actor runs the group: may edit the forum, its programme, polls and registrations. */
	canManageForum: boolean;
}

async function loadForum(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, action: 'group.view' | 'group.manage') {
	const group = await loadForumGroup(context, actor, groupSlug, action);
	if (!group.ok) return group;
	const number = parseForumNumber(numberText);
	const row = number === null ? undefined : await repository.findForumByNumber(context.db, group.value.id, number);
	if (!row) return fail('NOT_FOUND');
	return ok({ group: group.value, row });
}

/**
 * A group's forum by its number, for anyone who may view the group (the layout of every forum
 * page). Unknown group or number: NOT_FOUND.
 */
export async function getForumOfGroup(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string): Promise<Result<ForumOfGroup, 'NOT_FOUND'>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.view');
	if (!found.ok) return found;
	return ok({ group: found.value.group, forum: rowToForumSummary(found.value.row), canManageForum: can(actor, 'group.manage', found.value.group.id) });
}

const organisationName = (row: { organisation_id?: string; id?: string; name_fr: string; name_ko: string | null; name_en: string | null }): OrganisationName => ({
	id: (row.organisation_id ?? row.id)!,
	name: { fr: row.name_fr, ko: row.name_ko, en: row.name_en }
});

export interface ForumListEntry extends ForumSummary {
	hosts: OrganisationName[];
}

/** Every edition of a group, newest first, with its host organisations (the history page). */
export async function listForums(context: ServiceContext, actor: Actor, groupSlug: string): Promise<Result<{ group: ForumGroup; forums: ForumListEntry[]; canManage: boolean }, 'NOT_FOUND'>> {
	const group = await loadForumGroup(context, actor, groupSlug, 'group.view');
	if (!group.ok) return group;
	const rows = await repository.listForumsOfGroup(context.db, group.value.id);
	const hosts = await repository.listHostOrganisations(
		context.db,
		rows.map((row) => row.id)
	);
	const forums = rows.map((row) => ({ ...rowToForumSummary(row), hosts: hosts.filter((host) => host.forum_id === row.id).map(organisationName) }));
	return ok({ group: group.value, forums, canManage: can(actor, 'group.manage', group.value.id) });
}

export interface ForumPlace {
	nameFr: string;
	nameKo: string;
	organisationId: string | null;
}

export interface ForumOverview extends ForumOfGroup {
	description: { fr: string; ko: string };
	report: { fr: string; ko: string };
	hosts: OrganisationName[];
	places: ForumPlace[];
	/** Number of items in its programme (shown to those who may read it). */
	programmeItemCount: number;
	programmeVisible: boolean;
}

/** Whether the programme may be read: coordinators always; others once it is published (or later). */
function programmeVisibleTo(actor: Actor, groupId: string, status: ForumStatus): boolean {
	return can(actor, 'group.manage', groupId) || FORUM_STATUSES.indexOf(status) >= FORUM_STATUSES.indexOf('programme-published');
}

/** A forum's page: its texts, hosts and places, for anyone who may view the group. */
export async function getForumOverview(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string): Promise<Result<ForumOverview, 'NOT_FOUND'>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.view');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const [hosts, places, items] = await Promise.all([repository.listHostOrganisations(context.db, [row.id]), repository.listPlaces(context.db, row.id), repository.listProgrammeItems(context.db, row.id)]);
	return ok({
		group,
		forum: rowToForumSummary(row),
		canManageForum: can(actor, 'group.manage', group.id),
		description: { fr: row.description_fr, ko: row.description_ko },
		report: { fr: row.report_fr, ko: row.report_ko },
		hosts: hosts.map(organisationName),
		places: places.map((place) => ({ nameFr: place.name_fr, nameKo: place.name_ko, organisationId: place.organisation_id })),
		programmeItemCount: items.length,
		programmeVisible: programmeVisibleTo(actor, group.id, row.status)
	});
}

/** The zone a host country's forum is written in, when the coordinator names none. */
export function defaultZoneOfCountry(country: string): string | null {
	const zones: Record<string, string> = { FR: PARIS_ZONE, KR: SEOUL_ZONE, JP: 'Asia/Tokyo', CN: 'Asia/Shanghai', VN: 'Asia/Ho_Chi_Minh' };
	return zones[country] ?? null;
}

export interface ForumFormValues {
	[field: string]: string;
}

export interface ForumForm {
	group: ForumGroup;
	values: ForumFormValues;
	/** Host country choices: France and the group's country. */
	hostCountries: string[];
	organisations: (OrganisationName & { country: string })[];
}

function formValuesOf(row: repository.ForumRow, hostIds: readonly string[], places: readonly { name_fr: string; name_ko: string }[]): ForumFormValues {
	const values: ForumFormValues = {
		number: String(row.number),
		titleFr: row.title_fr,
		titleKo: row.title_ko,
		themeFr: row.theme_fr,
		themeKo: row.theme_ko,
		hostCountry: row.host_country,
		// The country's own zone is shown as "the host country's", so that changing the country moves it too.
		hostTimezone: row.host_timezone === defaultZoneOfCountry(row.host_country) ? '' : row.host_timezone,
		startsOn: row.starts_on ?? '',
		endsOn: row.ends_on ?? '',
		status: row.status,
		descriptionFr: row.description_fr,
		descriptionKo: row.description_ko,
		reportFr: row.report_fr,
		reportKo: row.report_ko,
		places: placesText(places.map((place) => ({ nameFr: place.name_fr, nameKo: place.name_ko })))
	};
	for (const id of hostIds) values[`host:${id}`] = 'on';
	return values;
}

async function organisationChoices(db: Executor, group: ForumGroup, selected: readonly string[]) {
	const rows = await repository.listOrganisationChoices(db, ['FR', group.country], selected);
	return rows.map((row) => ({ ...organisationName(row), country: row.country_code }));
}

/**
 * The values of the edition form: for a new edition, the next number, hosted in the other country
 * than the last edition (they alternate: the 1st in France, the 2nd in Korea), in the host
 * country's zone; else the forum's own.
 */
export async function getForumForm(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string | null): Promise<Result<ForumForm, 'NOT_FOUND'>> {
	if (numberText !== null) {
		const found = await loadForum(context, actor, groupSlug, numberText, 'group.manage');
		if (!found.ok) return found;
		const { group, row } = found.value;
		const [hosts, places] = await Promise.all([repository.listHostOrganisations(context.db, [row.id]), repository.listPlaces(context.db, row.id)]);
		const hostIds = hosts.map((host) => host.organisation_id);
		return ok({ group, values: formValuesOf(row, hostIds, places), hostCountries: hostCountriesOf(group), organisations: await organisationChoices(context.db, group, hostIds) });
	}
	const group = await loadForumGroup(context, actor, groupSlug, 'group.manage');
	if (!group.ok) return group;
	const existing = await repository.listForumsOfGroup(context.db, group.value.id);
	const last = existing[0];
	const hostCountry = last?.host_country === 'FR' ? group.value.country : 'FR';
	const values: ForumFormValues = { number: String((last ? Number(last.number) : 0) + 1), hostCountry, hostTimezone: '', status: 'idea' };
	return ok({ group: group.value, values, hostCountries: hostCountriesOf(group.value), organisations: await organisationChoices(context.db, group.value, []) });
}

function hostCountriesOf(group: ForumGroup): string[] {
	return group.country === 'FR' ? ['FR'] : ['FR', group.country];
}

type ForumRefusal = 'NOT_FOUND' | 'NUMBER_TAKEN' | 'INVALID_FIELD';

/** Checks what the schema cannot: host country and zone, host organisations. Field errors name their field. */
async function checkForumInput(db: Executor, group: ForumGroup, input: ForumInput): Promise<{ ok: false; reason: 'INVALID_FIELD'; field: string } | { ok: true; zone: string }> {
	if (!hostCountriesOf(group).includes(input.hostCountry)) return { ok: false, reason: 'INVALID_FIELD', field: 'hostCountry' };
	const zone = input.hostTimezone || defaultZoneOfCountry(input.hostCountry);
	if (!zone) return { ok: false, reason: 'INVALID_FIELD', field: 'hostTimezone' };
	const unique = [...new Set(input.hostOrganisationIds)];
	if (unique.some((id) => !isId(id)) || (await repository.countOrganisations(db, unique)) !== unique.length) return { ok: false, reason: 'INVALID_FIELD', field: 'hosts' };
	return { ok: true, zone };
}

function forumColumns(input: ForumInput, zone: string) {
	return {
		number: input.number,
		title_fr: input.titleFr,
		title_ko: input.titleKo,
		theme_fr: input.themeFr,
		theme_ko: input.themeKo,
		host_country: input.hostCountry,
		host_timezone: zone,
		starts_on: input.startsOn,
		ends_on: input.endsOn,
		status: input.status,
		description_fr: input.descriptionFr,
		description_ko: input.descriptionKo,
		report_fr: input.reportFr,
		report_ko: input.reportKo
	};
}

/** Places as the form gives them; a place named like a host organisation is linked to it. */
function placeRows(input: ForumInput, organisations: readonly OrganisationName[]) {
	return input.places.map((place) => ({
		id: newId(),
		name_fr: place.nameFr,
		name_ko: place.nameKo,
		organisation_id: organisations.find((organisation) => organisation.name.fr === place.nameFr)?.id ?? null
	}));
}

/**
 * Creates a forum edition of the group (coordinators). Its number is unique in the group; the host
 * country is France or the group's; the zone defaults to the country's. Recorded in the change log.
 */
export async function createForum(context: ServiceContext, actor: Actor, groupSlug: string, input: ForumInput): Promise<Result<{ number: number }, ForumRefusal>> {
	const group = await loadForumGroup(context, actor, groupSlug, 'group.manage');
	if (!group.ok) return group;
	const checked = await checkForumInput(context.db, group.value, input);
	if (!checked.ok) return fail(checked.reason, checked.field);
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (db) => {
		if (await repository.findForumByNumber(db, group.value.id, input.number)) return fail('NUMBER_TAKEN', 'number');
		const id = newId();
		const columns = forumColumns(input, checked.zone);
		await repository.insertForum(db, { id, group_id: group.value.id, ...columns, created_at: now, updated_at: now });
		const hostIds = [...new Set(input.hostOrganisationIds)];
		await repository.replaceHostOrganisations(db, id, hostIds);
		const hosts = (await repository.listHostOrganisations(db, [id])).map(organisationName);
		await repository.replacePlaces(db, id, placeRows(input, hosts));
		await recordChange(db, { entity_type: 'forum', entity_id: id, user_id: actorUserId(actor), at: now, action: 'create', changes: { ...columns, hosts: hostIds, places: input.places } });
		return ok({ number: input.number });
	});
}

const actorUserId = (actor: Actor) => (actor.kind === 'user' ? actor.userId : null);

/** Changes a forum edition (coordinators): every field, hosts and places; the change log keeps before and after. */
export async function updateForum(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, input: ForumInput): Promise<Result<{ number: number }, ForumRefusal>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const checked = await checkForumInput(context.db, group, input);
	if (!checked.ok) return fail(checked.reason, checked.field);
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (db) => {
		if (input.number !== Number(row.number) && (await repository.findForumByNumber(db, group.id, input.number))) return fail('NUMBER_TAKEN', 'number');
		const columns = forumColumns(input, checked.zone);
		const changes: Record<string, [unknown, unknown]> = {};
		for (const [key, value] of Object.entries(columns)) {
			const before = key === 'number' ? Number(row.number) : row[key as keyof repository.ForumRow];
			if (before !== value) changes[key] = [before, value];
		}
		const hostsBefore = (await repository.listHostOrganisations(db, [row.id])).map((host) => host.organisation_id);
		const hostIds = [...new Set(input.hostOrganisationIds)];
		if (hostsBefore.join() !== hostIds.join()) changes.hosts = [hostsBefore, hostIds];
		const placesBefore = (await repository.listPlaces(db, row.id)).map((place) => ({ nameFr: place.name_fr, nameKo: place.name_ko }));
		if (JSON.stringify(placesBefore) !== JSON.stringify(input.places)) changes.places = [placesBefore, input.places];
		await repository.updateForum(db, row.id, { ...columns, updated_at: now });
		await repository.replaceHostOrganisations(db, row.id, hostIds);
		const hosts = (await repository.listHostOrganisations(db, [row.id])).map(organisationName);
		await repository.replacePlaces(db, row.id, placeRows(input, hosts));
		if (Object.keys(changes).length > 0) await recordChange(db, { entity_type: 'forum', entity_id: row.id, user_id: actorUserId(actor), at: now, action: 'update', changes });
		return ok({ number: input.number });
	});
}

export interface ProgrammeItem {
	id: string;
	kind: ProgrammeItemKind;
	title: { fr: string; ko: string };
	description: { fr: string; ko: string };
	host: OrganisationName | null;
	place: string | null;
	/** UTC instants. */
	startsAt: string;
	endsAt: string;
	capacity: number | null;
	themeKeys: string[];
}

export interface Theme {
	key: string;
	label: { fr: string; ko: string; en: string };
}

export interface Programme extends ForumOfGroup {
	/** False for members before the programme is published: they see no item. */
	visible: boolean;
	/** Items by local day in the host's zone. */
	days: { date: string; items: ProgrammeItem[] }[];
	themes: Theme[];
	/** For coordinators: organisations to choose an item's host from, and earlier editions to copy. */
	organisations: OrganisationName[];
	copySources: { number: number; title: { fr: string; ko: string }; itemCount: number }[];
}

async function itemsOf(db: Executor, forumId: string): Promise<ProgrammeItem[]> {
	const rows = await repository.listProgrammeItems(db, forumId);
	const themes = await repository.listItemThemes(
		db,
		rows.map((row) => row.id)
	);
	const organisationIds = [...new Set(rows.map((row) => row.host_organisation_id).filter((id): id is string => id !== null))];
	const organisations = organisationIds.length > 0 ? await repository.listOrganisationChoices(db, [], organisationIds) : [];
	return rows.map((row) => {
		const host = organisations.find((organisation) => organisation.id === row.host_organisation_id);
		return {
			id: row.id,
			kind: row.kind,
			title: { fr: row.title_fr, ko: row.title_ko },
			description: { fr: row.description_fr, ko: row.description_ko },
			host: host ? organisationName(host) : null,
			place: row.place,
			startsAt: row.starts_at,
			endsAt: row.ends_at,
			capacity: row.capacity === null ? null : Number(row.capacity),
			themeKeys: themes.filter((theme) => theme.programme_item_id === row.id).map((theme) => theme.theme_key)
		};
	});
}

/**
 * A forum's programme, by day in the host's zone. Members read it once its status is
 * "programme published" or later; coordinators always, with what they need to edit it.
 */
export async function getProgramme(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string): Promise<Result<Programme, 'NOT_FOUND'>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.view');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const canManageForum = can(actor, 'group.manage', group.id);
	const visible = programmeVisibleTo(actor, group.id, row.status);
	const items = visible ? await itemsOf(context.db, row.id) : [];
	const themes = (await listThemes(context.db)).map((theme) => ({ key: theme.key, label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en } }));
	let organisations: OrganisationName[] = [];
	let copySources: Programme['copySources'] = [];
	if (canManageForum) {
		const hosts = (await repository.listHostOrganisations(context.db, [row.id])).map(organisationName);
		const others = (await organisationChoices(context.db, group, [])).filter((organisation) => !hosts.some((host) => host.id === organisation.id));
		// The forum's own hosts first: most items are theirs.
		organisations = [...hosts, ...others.map(({ id, name }) => ({ id, name }))];
		for (const other of await repository.listForumsOfGroup(context.db, group.id)) {
			if (other.id === row.id) continue;
			const count = (await repository.listProgrammeItems(context.db, other.id)).length;
			if (count > 0) copySources.push({ number: Number(other.number), title: { fr: other.title_fr, ko: other.title_ko }, itemCount: count });
		}
	}
	return ok({ group, forum: rowToForumSummary(row), canManageForum, visible, days: groupByLocalDay(items, row.host_timezone), themes, organisations, copySources });
}

type ItemRefusal = 'NOT_FOUND' | 'INVALID_FIELD';

/** Turns the form's local readings into UTC instants in the host's zone and checks the rest. */
async function itemColumns(db: Executor, zone: string, input: ProgrammeItemInput): Promise<{ ok: false; reason: 'INVALID_FIELD'; field: string } | { ok: true; columns: Omit<repository.ProgrammeItemRow, 'id' | 'forum_id' | 'created_at' | 'updated_at'> }> {
	const startsAt = zonedToUtc(input.startDate, input.startTime, zone).toISOString();
	const endsAt = zonedToUtc(input.endDate, input.endTime, zone).toISOString();
	// Local readings were compared by the schema; on a night of daylight-saving change two readings
	// an hour apart may be the same instant: the instants decide.
	if (endsAt <= startsAt) return { ok: false, reason: 'INVALID_FIELD', field: 'endTime' };
	if (input.hostOrganisationId && (!isId(input.hostOrganisationId) || (await repository.countOrganisations(db, [input.hostOrganisationId])) !== 1)) return { ok: false, reason: 'INVALID_FIELD', field: 'hostOrganisationId' };
	const known = new Set((await listThemes(db)).map((theme) => theme.key));
	if (input.themeKeys.some((key) => !known.has(key))) return { ok: false, reason: 'INVALID_FIELD', field: 'themes' };
	return {
		ok: true,
		columns: {
			kind: input.kind,
			title_fr: input.titleFr,
			title_ko: input.titleKo,
			description_fr: input.descriptionFr,
			description_ko: input.descriptionKo,
			host_organisation_id: input.hostOrganisationId,
			place: input.place,
			starts_at: startsAt,
			ends_at: endsAt,
			capacity: input.capacity
		}
	};
}

/** Adds an item to a forum's programme (coordinators), its times read in the host's zone. */
export async function addProgrammeItem(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, input: ProgrammeItemInput): Promise<Result<{ itemId: string }, ItemRefusal>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.manage');
	if (!found.ok) return found;
	const { row } = found.value;
	const checked = await itemColumns(context.db, row.host_timezone, input);
	if (!checked.ok) return fail(checked.reason, checked.field);
	const now = context.clock().toISOString();
	const id = newId();
	await context.db.transaction().execute(async (db) => {
		await repository.insertProgrammeItem(db, { id, forum_id: row.id, ...checked.columns, created_at: now, updated_at: now });
		await repository.replaceItemThemes(db, id, [...new Set(input.themeKeys)]);
		await recordChange(db, { entity_type: 'forum', entity_id: row.id, user_id: actorUserId(actor), at: now, action: 'update', changes: { programmeItemAdded: [null, { id, ...checked.columns, themes: input.themeKeys }] } });
	});
	return ok({ itemId: id });
}

async function loadItem(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, itemId: string, action: 'group.view' | 'group.manage') {
	const found = await loadForum(context, actor, groupSlug, numberText, action);
	if (!found.ok) return found;
	const item = isId(itemId) ? await repository.findProgrammeItem(context.db, itemId) : undefined;
	if (!item || item.forum_id !== found.value.row.id) return fail('NOT_FOUND');
	return ok({ ...found.value, item });
}

/** The item form's values: its local readings in the host's zone. */
function itemFormValues(item: repository.ProgrammeItemRow, themeKeys: readonly string[], zone: string): Record<string, string> {
	const start = utcToZonedFields(item.starts_at, zone);
	const end = utcToZonedFields(item.ends_at, zone);
	const values: Record<string, string> = {
		kind: item.kind,
		titleFr: item.title_fr,
		titleKo: item.title_ko,
		descriptionFr: item.description_fr,
		descriptionKo: item.description_ko,
		hostOrganisationId: item.host_organisation_id ?? '',
		place: item.place ?? '',
		startDate: start.date,
		startTime: start.time,
		endDate: end.date,
		endTime: end.time,
		capacity: item.capacity === null ? '' : String(item.capacity)
	};
	for (const key of themeKeys) values[`theme:${key}`] = 'on';
	return values;
}

/** One programme item with its form values, for its edit page (coordinators). */
export async function getProgrammeItemForm(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	numberText: string,
	itemId: string
): Promise<Result<{ forum: ForumSummary; group: ForumGroup; values: Record<string, string>; themes: Theme[]; organisations: OrganisationName[] }, 'NOT_FOUND'>> {
	const found = await loadItem(context, actor, groupSlug, numberText, itemId, 'group.manage');
	if (!found.ok) return found;
	const { group, row, item } = found.value;
	const programme = await getProgramme(context, actor, groupSlug, numberText);
	if (!programme.ok) return programme;
	const themeKeys = (await repository.listItemThemes(context.db, [item.id])).map((theme) => theme.theme_key);
	return ok({ forum: rowToForumSummary(row), group, values: itemFormValues(item, themeKeys, row.host_timezone), themes: programme.value.themes, organisations: programme.value.organisations });
}

/** Changes a programme item (coordinators). */
export async function updateProgrammeItem(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, itemId: string, input: ProgrammeItemInput): Promise<Result<null, ItemRefusal>> {
	const found = await loadItem(context, actor, groupSlug, numberText, itemId, 'group.manage');
	if (!found.ok) return found;
	const { row, item } = found.value;
	const checked = await itemColumns(context.db, row.host_timezone, input);
	if (!checked.ok) return fail(checked.reason, checked.field);
	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (db) => {
		await repository.updateProgrammeItem(db, item.id, { ...checked.columns, updated_at: now });
		await repository.replaceItemThemes(db, item.id, [...new Set(input.themeKeys)]);
		await recordChange(db, { entity_type: 'forum', entity_id: row.id, user_id: actorUserId(actor), at: now, action: 'update', changes: { programmeItemChanged: [item, { id: item.id, ...checked.columns, themes: input.themeKeys }] } });
	});
	return ok(null);
}

/** Removes a programme item (coordinators); its themes go with it. */
export async function deleteProgrammeItem(context: ServiceContext, actor: Actor, groupSlug: string, numberText: string, itemId: string): Promise<Result<null, 'NOT_FOUND'>> {
	const found = await loadItem(context, actor, groupSlug, numberText, itemId, 'group.manage');
	if (!found.ok) return found;
	const { row, item } = found.value;
	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (db) => {
		await repository.deleteProgrammeItem(db, item.id);
		await recordChange(db, { entity_type: 'forum', entity_id: row.id, user_id: actorUserId(actor), at: now, action: 'update', changes: { programmeItemRemoved: [item, null] } });
	});
	return ok(null);
}

/**
 * "Start from a previous edition's programme": copies every item of another edition of the group
 * (with its themes), moved by whole days so that the other edition's first day lands on this
 * forum's first day, each keeping its local times, now read in this forum's zone. The other
 * edition's first day is its start date, else the day of its first item. Refused when this forum
 * has no dates yet (NO_DATES) or the other has no programme (EMPTY_SOURCE).
 */
export async function copyProgrammeFrom(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	numberText: string,
	fromNumber: number
): Promise<Result<{ copied: number }, 'NOT_FOUND' | 'NO_DATES' | 'EMPTY_SOURCE'>> {
	const found = await loadForum(context, actor, groupSlug, numberText, 'group.manage');
	if (!found.ok) return found;
	const { group, row } = found.value;
	const source = fromNumber === Number(row.number) ? undefined : await repository.findForumByNumber(context.db, group.id, fromNumber);
	if (!source) return fail('NOT_FOUND', 'fromNumber');
	if (!row.starts_on) return fail('NO_DATES');
	const items = await itemsOf(context.db, source.id);
	if (items.length === 0) return fail('EMPTY_SOURCE', 'fromNumber');
	const sourceFirstDay = source.starts_on ?? localDayOf(items[0].startsAt, source.host_timezone);
	const moved = shiftItems(items, { zone: source.host_timezone, firstDay: sourceFirstDay }, { zone: row.host_timezone, firstDay: row.starts_on });
	const now = context.clock().toISOString();
	await context.db.transaction().execute(async (db) => {
		for (const item of moved) {
			const id = newId();
			await repository.insertProgrammeItem(db, {
				id,
				forum_id: row.id,
				kind: item.kind,
				title_fr: item.title.fr,
				title_ko: item.title.ko,
				description_fr: item.description.fr,
				description_ko: item.description.ko,
				host_organisation_id: item.host?.id ?? null,
				place: item.place,
				starts_at: item.startsAt,
				ends_at: item.endsAt,
				capacity: item.capacity,
				created_at: now,
				updated_at: now
			});
			await repository.replaceItemThemes(db, id, item.themeKeys);
		}
		await recordChange(db, { entity_type: 'forum', entity_id: row.id, user_id: actorUserId(actor), at: now, action: 'update', changes: { programmeCopiedFrom: [null, { number: fromNumber, items: moved.length }] } });
	});
	return ok({ copied: moved.length });
}
