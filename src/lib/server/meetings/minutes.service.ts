/**
 * Writing, publishing and reading minutes (issue 4 §3, §5, §6): per agenda item, interventions,
 * decisions and action items in French and Korean; draft then published (members told by e-mail);
 * every change after publication kept as a version with who and when.
 * Read = 'group.view' (published minutes only; drafts need 'group.manage'); write = 'group.manage'.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { authorize, can, type Actor } from '../auth/policy';
import type { Executor } from '../db/database';
import { findGroupBySlug } from '../directory/directory.repository';
import { formatPersonName } from '../directory/person-name';
import { titleOn } from '../directory/person-titles';
import { organisationsHeldOn } from '../directory/person-affiliations';
import { listAffiliationsOfPeople } from '../directory/person.repository';
import { enqueueEmail } from '../mail/outbox';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import type { MeetingTable } from './meeting.table';
import { loadMinutesContent, localDayOf, resolveActionOwners, writeVersion, type BilingualText, type MinutesContent } from './minutes-content';
import * as repository from './minutes.repository';
import type { MinutesEntryInput, MinutesEntryRef, MinutesMove } from './minutes.schema';

export interface GroupSummary {
	id: string;
	slug: string;
	name: Record<Locale, string>;
}

export interface MinutesVersionSummary {
	version: number;
	at: string;
	author: string | null;
}

export interface MinutesReading {
	group: GroupSummary;
	content: MinutesContent;
	versions: MinutesVersionSummary[];
	/** The old version being read, when one was asked for. */
	viewingVersion: MinutesVersionSummary | null;
	canEdit: boolean;
}

export interface DirectoryChoice {
	id: string;
	label: string;
}

export interface CarriedOverAction {
	id: string;
	meetingId: string;
	meetingTitle: BilingualText;
	meetingStartsAt: string | null;
	meetingTimezone: string;
	originalLanguage: 'fr' | 'ko';
	description: BilingualText;
	ownerName: BilingualText | null;
	dueOn: string | null;
}

export interface MinutesEditor {
	group: GroupSummary;
	content: MinutesContent;
	/** Speakers to choose from: the people of the group's directory, with the title held on the meeting's day. */
	people: DirectoryChoice[];
	organisations: DirectoryChoice[];
	carriedOver: CarriedOverAction[];
	versions: MinutesVersionSummary[];
}

type MeetingFound = { group: GroupSummary; meeting: MeetingTable };

function summaryOf(group: { id: string; slug: string; name_fr: string; name_ko: string; name_en: string }): GroupSummary {
	return { id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } };
}

/**
 * The meeting, when the actor may see it: 'group.view' for published minutes, 'group.manage' for
 * drafts (a draft is NOT_FOUND to others: they are not told it exists), or for writing.
 */
async function findMeeting(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, purpose: 'read' | 'write') {
	const group = await findGroupBySlug(context.db, groupSlug);
	if (!group) return fail('NOT_FOUND');
	const denied = authorize(actor, purpose === 'write' ? 'group.manage' : 'group.view', group.id);
	if (denied) return denied;
	const meeting = isId(meetingId) ? await repository.findMeetingInGroup(context.db, group.id, meetingId) : undefined;
	if (!meeting) return fail('NOT_FOUND');
	if (meeting.status !== 'published' && !can(actor, 'group.manage', group.id)) return fail('NOT_FOUND');
	return ok<MeetingFound>({ group: summaryOf(group), meeting });
}

async function listVersions(db: Executor, meetingId: string): Promise<MinutesVersionSummary[]> {
	return (await repository.listMinutesVersions(db, meetingId)).map((row) => ({ version: Number(row.version), at: row.at, author: row.author_name }));
}

/**
 * The minutes to read: the current ones, or an old version (read-only) when `version` is given.
 * Drafts only for coordinators and administrators.
 */
export async function getMinutes(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	version?: number
): Promise<Result<MinutesReading, 'NOT_FOUND'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'read');
	if (!found.ok) return found;
	const { group, meeting } = found.value;
	const versions = await listVersions(context.db, meeting.id);
	let content: MinutesContent;
	let viewingVersion: MinutesVersionSummary | null = null;
	if (version !== undefined) {
		const row = Number.isInteger(version) ? await repository.findMinutesVersion(context.db, meeting.id, version) : undefined;
		if (!row) return fail('NOT_FOUND');
		content = JSON.parse(row.snapshot) as MinutesContent;
		viewingVersion = { version: Number(row.version), at: row.at, author: row.author_name };
	} else {
		content = await loadMinutesContent(context.db, meeting);
	}
	return ok({ group, content, versions, viewingVersion, canEdit: can(actor, 'group.manage', group.id) });
}

/**
 * The minutes editor: the minutes, the people and organisations to choose from, and the open
 * actions of the group's earlier meetings (carried over).
 */
export async function getMinutesEditor(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string): Promise<Result<MinutesEditor, 'NOT_FOUND'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { group, meeting } = found.value;
	const content = await loadMinutesContent(context.db, meeting);
	const day = content.meeting.day ?? localDayOf(context.clock(), meeting.timezone);
	const { people, titles } = await repository.listPeopleWithTitles(context.db, await repository.listGroupPersonIds(context.db, group.id));
	const organisationsOnDay = organisationsHeldOn(await listAffiliationsOfPeople(context.db, people.map((person) => person.id)), day);
	const choices = people
		.map((person) => {
			const held = titles
				.filter((title) => title.person_id === person.id)
				.map((title) => ({ title: title.title, language: title.language, validFrom: title.valid_from, validTo: title.valid_to }));
			const title = titleOn(held, day, meeting.original_language)?.title;
			const name = formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
			const organisation = organisationsOnDay.get(person.id)?.fr ?? person.organisation_name_fr;
			return { id: person.id, sortKey: `${person.family_name} ${person.given_name}`, label: [name, title, organisation].filter(Boolean).join(', ') };
		})
		.sort((a, b) => a.sortKey.localeCompare(b.sortKey, 'fr'))
		.map(({ id, label }) => ({ id, label }));
	const organisations = (await repository.listGroupOrganisations(context.db, group.id)).map((organisation) => ({ id: organisation.id, label: organisation.name_fr }));
	const previous = await repository.listOpenActionsBefore(context.db, group.id, meeting.id, meeting.starts_at);
	const ownerOf = await resolveActionOwners(context.db, previous);
	return ok({
		group,
		content,
		people: choices,
		organisations,
		carriedOver: previous.map((row) => ({
			id: row.id,
			meetingId: row.meeting_id,
			meetingTitle: { fr: row.meeting_title_fr, ko: row.meeting_title_ko },
			meetingStartsAt: row.meeting_starts_at,
			meetingTimezone: row.meeting_timezone,
			originalLanguage: row.meeting_original_language,
			description: { fr: row.description_fr, ko: row.description_ko },
			ownerName: ownerOf(row)?.name ?? null,
			dueOn: row.due_on
		})),
		versions: await listVersions(context.db, meeting.id)
	});
}

export type EntryFailure = { ok: false; reason: 'INVALID_FIELD'; field: string; code: string };

function invalid(field: string, code: string): EntryFailure {
	return { ok: false, reason: 'INVALID_FIELD', field, code };
}

/** Runs a change of the minutes in one transaction, then keeps a version when they are published. */
async function changeMinutes<T>(context: ServiceContext, actor: Actor, meeting: MeetingTable, change: (db: Executor, now: Date) => Promise<T>): Promise<T> {
	const now = context.clock();
	return context.db.transaction().execute(async (transaction) => {
		const result = await change(transaction, now);
		await repository.updateMeeting(transaction, meeting.id, { updated_at: now.toISOString() });
		if (meeting.status === 'published') await writeVersion(transaction, { ...meeting, updated_at: now.toISOString() }, actor, now);
		return result;
	});
}

/** Whether an entry of that kind with that id belongs to the meeting; its agenda item when it does. */
async function findEntry(db: Executor, meetingId: string, kind: MinutesEntryRef['kind'], id: string): Promise<{ agendaItemId: string | null } | undefined> {
	if (!isId(id)) return undefined;
	if (kind === 'intervention') {
		const row = await repository.findIntervention(db, id);
		return row && row.meeting_id === meetingId ? { agendaItemId: row.agenda_item_id } : undefined;
	}
	if (kind === 'decision') {
		const row = await repository.findDecision(db, id);
		return row && row.meeting_id === meetingId ? { agendaItemId: row.agenda_item_id } : undefined;
	}
	const row = await repository.findActionItem(db, id);
	return row && row.meeting_id === meetingId ? { agendaItemId: row.agenda_item_id } : undefined;
}

/**
 * Adds an entry (no id) under an agenda item, or changes one (id). Speakers and owners must be of
 * the group's directory; at least one language's text is required (the original's field is named).
 */
export async function saveMinutesEntry(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	input: MinutesEntryInput
): Promise<Result<{ id: string }, 'NOT_FOUND'> | EntryFailure> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { group, meeting } = found.value;
	const textField = meeting.original_language === 'ko' ? 'textKo' : 'textFr';
	if (input.textFr === '' && input.textKo === '') return invalid(textField, 'required');

	let agendaItemId: string | null;
	if (input.id) {
		const entry = await findEntry(context.db, meeting.id, input.kind, input.id);
		if (!entry) return fail('NOT_FOUND');
		agendaItemId = entry.agendaItemId;
	} else {
		const item = isId(input.agendaItemId) ? await repository.findAgendaItem(context.db, meeting.id, input.agendaItemId) : undefined;
		if (!item) return fail('NOT_FOUND');
		agendaItemId = item.id;
	}

	if (input.kind === 'intervention') {
		if (input.speakerPersonId) {
			const groupPeople = await repository.listGroupPersonIds(context.db, group.id);
			if (!groupPeople.includes(input.speakerPersonId)) return invalid('speakerPersonId', 'invalid_choice');
		}
		const values = {
			speaker_person_id: input.speakerPersonId || null,
			// A directory speaker's name comes from the directory; a typed one is kept only for others.
			speaker_name: input.speakerPersonId ? '' : input.speakerName,
			speaker_title_override: input.speakerTitleOverride || null,
			speaker_organisation_override: input.speakerOrganisationOverride || null,
			text_fr: input.textFr,
			text_ko: input.textKo
		};
		return changeMinutes(context, actor, meeting, async (db) => {
			if (input.id) {
				await repository.updateIntervention(db, input.id, values);
				return ok({ id: input.id });
			}
			const id = newId();
			await repository.insertIntervention(db, { id, agenda_item_id: agendaItemId!, position: await repository.nextPosition(db, 'intervention', agendaItemId!), ...values });
			return ok({ id });
		});
	}

	if (input.kind === 'decision') {
		return changeMinutes(context, actor, meeting, async (db) => {
			if (input.id) {
				await repository.updateDecision(db, input.id, { text_fr: input.textFr, text_ko: input.textKo });
				return ok({ id: input.id });
			}
			const id = newId();
			await repository.insertDecision(db, { id, agenda_item_id: agendaItemId!, position: await repository.nextPosition(db, 'decision', agendaItemId!), text_fr: input.textFr, text_ko: input.textKo });
			return ok({ id });
		});
	}

	let ownerPersonId: string | null = null;
	let ownerOrganisationId: string | null = null;
	if (input.owner) {
		const [kind, ownerId] = input.owner.split(':');
		if (kind === 'person') {
			if (!(await repository.listGroupPersonIds(context.db, group.id)).includes(ownerId)) return invalid('owner', 'invalid_choice');
			ownerPersonId = ownerId;
		} else {
			if (!(await repository.listGroupOrganisations(context.db, group.id)).some((organisation) => organisation.id === ownerId)) return invalid('owner', 'invalid_choice');
			ownerOrganisationId = ownerId;
		}
	}
	const values = {
		description_fr: input.textFr,
		description_ko: input.textKo,
		owner_person_id: ownerPersonId,
		owner_organisation_id: ownerOrganisationId,
		due_on: input.dueOn || null,
		status: input.status
	};
	return changeMinutes(context, actor, meeting, async (db, now) => {
		if (input.id) {
			await repository.updateActionItem(db, input.id, { ...values, updated_at: now.toISOString() });
			return ok({ id: input.id });
		}
		const id = newId();
		await repository.insertActionItem(db, {
			id,
			group_id: group.id,
			meeting_id: meeting.id,
			agenda_item_id: agendaItemId,
			...values,
			position: await repository.nextActionPosition(db, meeting.id),
			created_at: now.toISOString(),
			updated_at: now.toISOString()
		});
		return ok({ id });
	});
}

/** Removes an intervention, a decision or an action item from the minutes. */
export async function removeMinutesEntry(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, ref: MinutesEntryRef): Promise<Result<null, 'NOT_FOUND'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { meeting } = found.value;
	if (!(await findEntry(context.db, meeting.id, ref.kind, ref.id))) return fail('NOT_FOUND');
	return changeMinutes(context, actor, meeting, async (db) => {
		if (ref.kind === 'intervention') await repository.deleteIntervention(db, ref.id);
		else if (ref.kind === 'decision') await repository.deleteDecision(db, ref.id);
		else await repository.deleteActionItem(db, ref.id);
		return ok(null);
	});
}

/**
 * Moves an intervention or a decision one place up or down under its agenda item (it swaps places
 * with its neighbour). An action item moves among the actions of its agenda item (or among the
 * meeting's own actions); positions of action items count through the whole meeting.
 */
export async function moveMinutesEntry(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, move: MinutesMove): Promise<Result<null, 'NOT_FOUND'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { meeting } = found.value;
	if (move.kind === 'action') return moveAction(context, actor, meeting, move);
	const table = move.kind;
	const entry = await findEntry(context.db, meeting.id, move.kind, move.id);
	if (!entry || !entry.agendaItemId) return fail('NOT_FOUND');
	const siblings = await repository.listSiblingPositions(context.db, table, entry.agendaItemId);
	const index = siblings.findIndex((sibling) => sibling.id === move.id);
	const other = siblings[move.direction === 'up' ? index - 1 : index + 1];
	// Already first (or last): nothing to do, and no version written for a change that did not happen.
	if (!other) return ok(null);
	return changeMinutes(context, actor, meeting, async (db) => {
		// Renumbered 1..n first, so that equal positions (written by an import) still swap.
		const order = siblings.map((sibling) => sibling.id);
		[order[index], order[siblings.indexOf(other)]] = [order[siblings.indexOf(other)], order[index]];
		for (const [position, id] of order.entries()) await repository.setPosition(db, table, id, position + 1);
		return ok(null);
	});
}

async function moveAction(context: ServiceContext, actor: Actor, meeting: MeetingTable, move: MinutesMove): Promise<Result<null, 'NOT_FOUND'>> {
	const actions = await repository.listActionItemsOfMeeting(context.db, meeting.id);
	const moved = actions.find((action) => action.id === move.id);
	if (!moved) return fail('NOT_FOUND');
	const siblings = actions.filter((action) => action.agenda_item_id === moved.agenda_item_id);
	const other = siblings[siblings.indexOf(moved) + (move.direction === 'up' ? -1 : 1)];
	if (!other) return ok(null);
	return changeMinutes(context, actor, meeting, async (db) => {
		// Renumbered 1..n through the meeting, the two swapped.
		const order = actions.map((action) => action.id);
		const [from, to] = [order.indexOf(moved.id), order.indexOf(other.id)];
		[order[from], order[to]] = [order[to], order[from]];
		for (const [position, id] of order.entries()) await repository.setActionPosition(db, id, position + 1);
		return ok(null);
	});
}

/** Sets the language the minutes are written in (the other one is the translation). */
export async function setOriginalLanguage(context: ServiceContext, actor: Actor, groupSlug: string, meetingId: string, language: 'fr' | 'ko'): Promise<Result<null, 'NOT_FOUND'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { meeting } = found.value;
	if (meeting.original_language === language) return ok(null);
	return changeMinutes(context, actor, { ...meeting, original_language: language }, async (db) => {
		await repository.updateMeeting(db, meeting.id, { original_language: language });
		return ok(null);
	});
}

/**
 * Publishes the minutes: refused without a date (NO_DATE) or when already published; writes the
 * first version and tells every member of the group by e-mail, in their language, with a link —
 * all in one transaction, so no e-mail leaves for minutes that were not published.
 */
export async function publishMinutes(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	meetingId: string,
	origin: string
): Promise<Result<{ notified: number }, 'NOT_FOUND' | 'NO_DATE' | 'ALREADY_PUBLISHED'>> {
	const found = await findMeeting(context, actor, groupSlug, meetingId, 'write');
	if (!found.ok) return found;
	const { group, meeting } = found.value;
	if (meeting.status === 'published') return fail('ALREADY_PUBLISHED');
	if (!meeting.starts_at) return fail('NO_DATE');
	const now = context.clock();
	const published: MeetingTable = { ...meeting, status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() };
	return context.db.transaction().execute(async (transaction) => {
		await repository.updateMeeting(transaction, meeting.id, { status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() });
		await writeVersion(transaction, published, actor, now);
		const recipients = await repository.listGroupRecipients(transaction, group.id);
		const hostname = new URL(origin).hostname;
		for (const recipient of recipients) {
			const locale = recipient.preferred_language;
			// A Korean reader gets the Korean title when there is one, the French otherwise (and the other way round).
			const title = (locale === 'ko' ? meeting.title_ko || meeting.title_fr : meeting.title_fr || meeting.title_ko) || m.minutes_untitled({}, { locale });
			const url = `${origin}/${locale}/groups/${group.slug}/meetings/${meeting.id}/minutes`;
			await enqueueEmail(
				transaction,
				{
					to: recipient.email,
					subject: m.minutes_email_subject({ meeting: title, group: group.name[locale] }, { locale }),
					text: m.minutes_email_body({ meeting: title, group: group.name[locale], url }, { locale })
				},
				now,
				hostname
			);
		}
		return ok({ notified: recipients.length });
	});
}
