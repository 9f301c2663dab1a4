/**
 * Importing existing minutes (issue 4 §8, §9): a file is read and parsed, its speakers and
 * participants matched to the group's directory, and a preview shown; once the coordinator has
 * corrected and confirmed, the meeting is created with everything the document held, in one
 * transaction. Nothing is dropped: text the parser did not recognise, participants neither
 * found nor added, and participants whose organisation (as written) was not found in the
 * directory, become the meeting's "unrecognised" rows, kept verbatim and flagged.
 * The same document imported twice (same SHA-256 of its normalized text in the group) is detected.
 */
import { createHash } from 'node:crypto';
import { authorize, type Actor } from '../../auth/policy';
import { recordChange } from '../../directory/change-log';
import { findGroupBySlug, insertPerson } from '../../directory/directory.repository';
import type { CountryGroupTable } from '../../directory/directory.table';
import { normalizeName } from '../../directory/name-normalization';
import { formatPersonName } from '../../directory/person-name';
import { titleOn } from '../../directory/person-titles';
import type { ServiceContext } from '../../shared/context';
import { newId } from '../../shared/identifier';
import { fail, ok, type Result } from '../../shared/result';
import type { ActionItemTable, MeetingFormat, MinutesUnrecognisedTable } from '../meeting.table';
import { matchOrganisation, matchPerson, personNameKey, splitPersonName, type DirectoryOrganisation, type DirectoryPerson } from './directory-matching';
import * as repository from './import.repository';
import type { ConfirmImportInput, RowChoice, SpeakerChoice } from './import.schema';
import { readMinutesFile, type MinutesFileKind, type MinutesFileRefusal } from './minutes-file';
import { localTimeToUtc, minutesInstants, minutesLanguage, normalizeMinutesText, parseMinutes, PARIS_ZONE, type ParsedAction, type ParsedMinutes, type ParsedParticipant } from './minutes-parser';

/**
 * The actor of `dari import-minutes`: the platform itself, with an administrator's rights, since
 * whoever runs the command on the server already holds its database. Its changes are logged
 * without a user (change_log.user_id null).
 */
export const PLATFORM_ACTOR: Actor = { kind: 'user', userId: 'platform', isAdministrator: true, groupRoles: {} };


export interface PersonRef {
	id: string;
	displayName: string;
	organisationName: string | null;
}

export interface OrganisationRef {
	id: string;
	name: string;
}

export interface SpeakerPreview {
	/** personNameKey of the name: the form field's key. */
	key: string;
	name: string;
	/** The titles written after the name, each different one once. */
	writtenTitles: string[];
	match: PersonRef | null;
	/** For "create as new person": the names and organisation proposed. */
	proposedPerson: { givenName: string; familyName: string; organisation: OrganisationRef | null };
	/** What the form preselects: the match, else a new person when the organisation is known, else the name only. */
	defaultChoice: SpeakerChoice;
	interventions: number;
}

export interface ParticipantPreview {
	row: ParsedParticipant;
	organisation: OrganisationRef | null;
	person: PersonRef | null;
	/** What the form preselects: the match (or the speaker's of the same name), else a new person, else the row kept as text. */
	defaultChoice: RowChoice;
}

export interface ImportPreview {
	group: { id: string; slug: string };
	/** The text the parser read (for a .docx, what mammoth gave): the hidden field of the confirmation. */
	text: string;
	fileKind: MinutesFileKind;
	sourceHash: string;
	parsed: ParsedMinutes;
	startsAt: string | null;
	endsAt: string | null;
	speakers: SpeakerPreview[];
	participants: ParticipantPreview[];
	excused: ParticipantPreview[];
	/** Meetings of the group already imported from the same document. */
	duplicates: { id: string; title: string; startsAt: string | null; timezone: string }[];
	/** Every person of the group's directory, for the speakers' selects. */
	directory: PersonRef[];
}

interface Directory {
	people: (DirectoryPerson & { ref: PersonRef; nameOrder: 'given-first' | 'family-first'; titles: { title: string; language: 'fr' | 'ko' | 'en'; validFrom: string | null; validTo: string | null }[] })[];
	organisations: (DirectoryOrganisation & { ref: OrganisationRef })[];
}

async function loadDirectory(context: ServiceContext, groupId: string): Promise<Directory> {
	const organisationRows = await repository.listGroupOrganisationsForMatching(context.db, groupId);
	const organisations = organisationRows.map((row) => ({
		id: row.id,
		names: [row.name_fr, row.name_ko, row.name_en].filter((name): name is string => !!name),
		ref: { id: row.id, name: row.name_fr }
	}));
	const names = new Map(organisations.map((organisation) => [organisation.id, organisation.ref.name]));
	const { people, titles } = await repository.listPeopleForMatching(
		context.db,
		organisations.map((organisation) => organisation.id)
	);
	return {
		organisations,
		people: people.map((person) => ({
			id: person.id,
			givenName: person.given_name,
			familyName: person.family_name,
			organisationId: person.organisation_id,
			nameOrder: person.name_order,
			titles: titles
				.filter((title) => title.person_id === person.id)
				.map((title) => ({ title: title.title, language: title.language, validFrom: title.valid_from, validTo: title.valid_to })),
			ref: {
				id: person.id,
				displayName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
				organisationName: person.organisation_id ? (names.get(person.organisation_id) ?? null) : null
			}
		}))
	};
}

/** SHA-256 of the normalized text: the same document saved again (other line endings, trailing spaces) hashes the same. */
export function sourceHashOf(text: string): string {
	return createHash('sha256').update(normalizeMinutesText(text), 'utf8').digest('hex');
}

interface Matching {
	speakers: SpeakerPreview[];
	participants: ParticipantPreview[];
	excused: ParticipantPreview[];
}

function matchToDirectory(parsed: ParsedMinutes, directory: Directory): Matching {
	const organisationOf = (name: string) => {
		const found = matchOrganisation(name, directory.organisations);
		return found ? (directory.organisations.find((organisation) => organisation.id === found.id)?.ref ?? null) : null;
	};
	const personOf = (name: string, organisationId: string | null) => {
		const found = matchPerson(name, directory.people, organisationId);
		return found ? (directory.people.find((person) => person.id === found.id) ?? null) : null;
	};
	const readRow = (row: ParsedParticipant): ParticipantPreview => {
		const organisation = organisationOf(row.organisation);
		const person = personOf(`${row.givenName} ${row.familyName}`, organisation?.id ?? null);
		const defaultChoice: RowChoice = person ? { kind: 'person', personId: person.id } : row.givenName || row.familyName ? { kind: 'new' } : { kind: 'text' };
		return { row, organisation, person: person?.ref ?? null, defaultChoice };
	};
	const participants = parsed.participants.map(readRow);
	const excused = parsed.excused.map(readRow);

	const speakers = new Map<string, SpeakerPreview>();
	for (const item of parsed.agenda) {
		for (const intervention of item.interventions) {
			if (!intervention.speaker) continue;
			const key = personNameKey(intervention.speaker);
			let speaker = speakers.get(key);
			if (!speaker) {
				// The participants table often knows the speaker's organisation and how their name splits.
				const row = [...participants, ...excused].find((entry) => personNameKey(`${entry.row.givenName} ${entry.row.familyName}`) === key);
				const titleOrganisation = () => {
					const segments = (intervention.speakerTitle ?? '').split(',').map((segment) => segment.trim()).filter(Boolean).reverse();
					for (const segment of segments) {
						const found = organisationOf(segment);
						if (found) return found;
					}
					return null;
				};
				const organisation = row?.organisation ?? titleOrganisation();
				const person = row?.person ? (directory.people.find((candidate) => candidate.id === row.person!.id) ?? null) : personOf(intervention.speaker, organisation?.id ?? null);
				const names = row ? { givenName: row.row.givenName, familyName: row.row.familyName } : splitPersonName(intervention.speaker);
				speaker = {
					key,
					name: intervention.speaker,
					writtenTitles: [],
					match: person?.ref ?? null,
					proposedPerson: { ...names, organisation: organisation ?? (person?.organisationId ? (directory.organisations.find((entry) => entry.id === person.organisationId)?.ref ?? null) : null) },
					defaultChoice: person ? { kind: 'person', personId: person.id } : organisation ? { kind: 'new' } : { kind: 'name' },
					interventions: 0
				};
				speakers.set(key, speaker);
			}
			speaker.interventions++;
			if (intervention.speakerTitle && !speaker.writtenTitles.includes(intervention.speakerTitle)) speaker.writtenTitles.push(intervention.speakerTitle);
		}
	}
	// A row not found whose speaker (same name) was matched is proposed as that person, as the import does.
	for (const entry of [...participants, ...excused]) {
		if (entry.person) continue;
		const speaker = speakers.get(personNameKey(`${entry.row.givenName} ${entry.row.familyName}`));
		if (speaker?.defaultChoice.kind === 'person') entry.defaultChoice = speaker.defaultChoice;
	}
	return { speakers: [...speakers.values()], participants, excused };
}

async function findGroup(context: ServiceContext, actor: Actor, slug: string): Promise<Result<CountryGroupTable, 'NOT_FOUND'>> {
	const group = await findGroupBySlug(context.db, slug);
	if (!group) return actor.kind === 'anonymous' ? fail('UNAUTHENTICATED') : fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	return ok(group);
}

async function buildPreview(context: ServiceContext, group: CountryGroupTable, text: string, fileKind: MinutesFileKind): Promise<ImportPreview> {
	// Times without a zone are read in the group's default zone (issue 4 Bad input); the preview says so.
	const parsed = parseMinutes(text, { defaultTimezone: group.default_timezone || PARIS_ZONE });
	const directory = await loadDirectory(context, group.id);
	const matching = matchToDirectory(parsed, directory);
	const sourceHash = sourceHashOf(text);
	const duplicates = await repository.listMeetingsWithSourceHash(context.db, group.id, sourceHash);
	const { startsAt, endsAt } = minutesInstants(parsed);
	return {
		group: { id: group.id, slug: group.slug },
		text,
		fileKind,
		sourceHash,
		parsed,
		startsAt,
		endsAt,
		...matching,
		duplicates: duplicates.map((meeting) => ({ id: meeting.id, title: meeting.title_fr || meeting.title_ko, startsAt: meeting.starts_at, timezone: meeting.timezone })),
		directory: directory.people.map((person) => person.ref).sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'))
	};
}

/**
 * Reads an uploaded file (.txt or .docx) and shows what would be imported into the group.
 * Coordinators and administrators only ('group.manage'). Refusals of the file are field errors
 * of `file` (old .doc, PDF, image, other type, empty, over 10 MB).
 */
export async function previewMinutesFile(
	context: ServiceContext,
	actor: Actor,
	slug: string,
	bytes: Uint8Array
): Promise<Result<ImportPreview, 'NOT_FOUND' | MinutesFileRefusal>> {
	const group = await findGroup(context, actor, slug);
	if (!group.ok) return group;
	const read = await readMinutesFile(bytes);
	if (!read.ok) return fail(read.reason, 'file');
	return ok(await buildPreview(context, group.value, read.text, read.kind));
}

/** The preview again from the text of the hidden field (after a refused confirmation, or to re-check). */
export async function previewMinutesText(context: ServiceContext, actor: Actor, slug: string, text: string): Promise<Result<ImportPreview, 'NOT_FOUND' | 'minutes_file_empty'>> {
	const group = await findGroup(context, actor, slug);
	if (!group.ok) return group;
	if (text.trim() === '') return fail('minutes_file_empty', 'file');
	return ok(await buildPreview(context, group.value, text, 'text'));
}

/** What the import page needs before any file: the group, once the actor may import into it. */
export async function getMinutesImportPage(
	context: ServiceContext,
	actor: Actor,
	slug: string
): Promise<Result<{ group: { slug: string; name: { fr: string; ko: string; en: string } } }, 'NOT_FOUND'>> {
	const group = await findGroup(context, actor, slug);
	if (!group.ok) return group;
	return ok({ group: { slug: group.value.slug, name: { fr: group.value.name_fr, ko: group.value.name_ko, en: group.value.name_en } } });
}

/** The confirmation a coordinator sends when they correct nothing (the CLI's, and the form's initial values). */
export function defaultConfirmation(preview: ImportPreview): ConfirmImportInput {
	return {
		text: preview.text,
		title: preview.parsed.title,
		date: preview.parsed.date ?? '',
		startTime: preview.parsed.startTime ?? '',
		endTime: preview.parsed.endTime ?? '',
		timezone: preview.parsed.timezone,
		format: preview.parsed.format,
		createMissingParticipants: true,
		force: false,
		speakers: Object.fromEntries(preview.speakers.map((speaker) => [speaker.key, speaker.defaultChoice]))
	};
}

export interface ImportedMeeting {
	meetingId: string;
	groupSlug: string;
	agendaItems: number;
	interventions: number;
	decisions: number;
	actions: number;
	participants: number;
	unrecognised: number;
	newPeople: number;
}

export type ConfirmRefusal = 'NOT_FOUND' | 'minutes_import_duplicate' | 'minutes_import_date_required' | 'end_before_start' | 'invalid_choice' | 'minutes_file_empty';

/**
 * Creates the meeting from the confirmed document, in ONE transaction: the meeting (draft,
 * original language French, or Korean when the minutes are mostly Hangul, source_hash), its agenda items, interventions (linked to a directory
 * person, to a person created now, or by name only), decisions, unrecognised text, participants
 * (present, or excused) and the new people chosen. The document is parsed again from its text.
 * A document already imported in the group is refused unless `force`.
 */
export async function confirmMinutesImport(context: ServiceContext, actor: Actor, slug: string, input: ConfirmImportInput): Promise<Result<ImportedMeeting, ConfirmRefusal>> {
	const group = await findGroup(context, actor, slug);
	if (!group.ok) return group;
	if (input.text.trim() === '') return fail('minutes_file_empty', 'file');
	if (!input.date) return fail('minutes_import_date_required', 'date');
	const preview = await buildPreview(context, group.value, input.text, 'text');
	if (preview.duplicates.length > 0 && !input.force) return fail('minutes_import_duplicate', 'force');

	const startsAt = localTimeToUtc(input.date, input.startTime, input.timezone);
	const endsAt = input.endTime ? localTimeToUtc(input.date, input.endTime, input.timezone) : null;
	if (endsAt !== null && endsAt <= startsAt) return fail('end_before_start', 'endTime');

	const directory = await loadDirectory(context, group.value.id);
	const directoryIds = new Set(directory.people.map((person) => person.id));
	const choices = new Map<string, SpeakerChoice>();
	for (const speaker of preview.speakers) {
		const choice = input.speakers[speaker.key] ?? speaker.defaultChoice;
		if (choice.kind === 'person' && !directoryIds.has(choice.personId)) return fail('invalid_choice', `speaker:${speaker.key}`);
		choices.set(speaker.key, choice);
	}
	for (const [list, prefix] of [[input.participants, 'participant:'], [input.excused, 'excused:']] as const) {
		for (const [index, choice] of Object.entries(list ?? {}))
			if (choice.kind === 'person' && !directoryIds.has(choice.personId)) return fail('invalid_choice', `${prefix}${index}`);
	}

	const now = context.clock().toISOString();
	const userId = actor.kind === 'user' && actor !== PLATFORM_ACTOR ? actor.userId : null;
	const meetingId = newId();
	const parsed = preview.parsed;
	// Minutes written in Korean (mostly Hangul) are Korean originals: their texts go to the *_ko columns.
	const language = minutesLanguage(parsed);
	const inLanguage = (text: string) => (language === 'ko' ? { fr: '', ko: text } : { fr: text, ko: '' });

	return ok(
		await context.db.transaction().execute(async (transaction) => {
			await repository.insertMeeting(transaction, {
				id: meetingId,
				group_id: group.value.id,
				title_fr: inLanguage(input.title).fr,
				title_ko: inLanguage(input.title).ko,
				starts_at: startsAt,
				ends_at: endsAt,
				timezone: input.timezone,
				format: input.format as MeetingFormat,
				video_link: null,
				place: null,
				status: 'draft',
				original_language: language,
				previous_meeting_id: null,
				calendar_sequence: 0,
				source_hash: preview.sourceHash,
				created_at: now,
				updated_at: now,
				published_at: null
			});
			await recordChange(transaction, { entity_type: 'meeting', entity_id: meetingId, user_id: userId, at: now, action: 'create', changes: { title: input.title, startsAt, source: 'minutes-import', sourceHash: preview.sourceHash } });

			// New people, once each even when one is both a speaker and a participant.
			const created = new Map<string, string>();
			const createPerson = async (key: string, names: { givenName: string; familyName: string }, organisationId: string | null) => {
				const existing = created.get(key);
				if (existing) return existing;
				const id = newId();
				await insertPerson(transaction, {
					id,
					given_name: names.givenName,
					family_name: names.familyName,
					name_order: /\p{Script=Hangul}/u.test(names.familyName) ? 'family-first' : 'given-first',
					email: null,
					phone: null,
					organisation_id: organisationId,
					preferred_language: /\p{Script=Hangul}/u.test(`${names.givenName}${names.familyName}`) ? 'ko' : 'fr',
					// Nobody asked them: not listed in published participant lists until they agree.
					public_listing_consent: 0,
					created_at: now
				});
				await recordChange(transaction, { entity_type: 'person', entity_id: id, user_id: userId, at: now, action: 'create', changes: { ...names, organisationId, source: 'minutes-import', meetingId } });
				created.set(key, id);
				return id;
			};

			const speakerPerson = new Map<string, string | null>();
			for (const speaker of preview.speakers) {
				const choice = choices.get(speaker.key)!;
				if (choice.kind === 'person') speakerPerson.set(speaker.key, choice.personId);
				else if (choice.kind === 'new')
					speakerPerson.set(speaker.key, await createPerson(speaker.key, speaker.proposedPerson, speaker.proposedPerson.organisation?.id ?? null));
				else speakerPerson.set(speaker.key, null);
			}

			const titleOfDay = (personId: string) => {
				const person = directory.people.find((candidate) => candidate.id === personId);
				return person ? (titleOn(person.titles, input.date, language)?.title ?? null) : null;
			};
			const agendaRows = [];
			const interventionRows = [];
			const decisionRows = [];
			for (const [index, item] of parsed.agenda.entries()) {
				const itemId = newId();
				agendaRows.push({ id: itemId, meeting_id: meetingId, position: index + 1, title_fr: inLanguage(item.title).fr, title_ko: inLanguage(item.title).ko, presenter_person_id: null });
				for (const [position, intervention] of item.interventions.entries()) {
					const personId = intervention.speaker ? (speakerPerson.get(personNameKey(intervention.speaker)) ?? null) : null;
					const dayTitle = personId ? titleOfDay(personId) : null;
					// The title as written that day is history: kept unless the directory says the same.
					const override = intervention.speakerTitle && (!dayTitle || normalizeName(dayTitle) !== normalizeName(intervention.speakerTitle)) ? intervention.speakerTitle : null;
					interventionRows.push({
						id: newId(),
						agenda_item_id: itemId,
						position: position + 1,
						speaker_person_id: personId,
						speaker_name: intervention.speaker ?? '',
						speaker_title_override: override,
						speaker_organisation_override: null,
						text_fr: inLanguage(intervention.text).fr,
						text_ko: inLanguage(intervention.text).ko
					});
				}
				for (const [position, text] of item.decisions.entries()) decisionRows.push({ id: newId(), agenda_item_id: itemId, position: position + 1, text_fr: inLanguage(text).fr, text_ko: inLanguage(text).ko });
			}
			await repository.insertAgendaItems(transaction, agendaRows);
			await repository.insertInterventions(transaction, interventionRows);
			await repository.insertDecisions(transaction, decisionRows);

			// Actions (an export's "(owner, avant le …, à faire)" lines): the owner linked to the directory
			// when found (a person, else an organisation); otherwise their name stays in the description.
			const actionRows: ActionItemTable[] = [];
			const actionRow = (action: ParsedAction, agendaItemId: string | null): ActionItemTable => {
				let ownerPerson: string | null = null;
				let ownerOrganisation: string | null = null;
				let [descriptionFr, descriptionKo] = [action.descriptionFr, action.descriptionKo];
				if (action.owner) {
					ownerPerson = matchPerson(action.owner, directory.people, null)?.id ?? null;
					if (!ownerPerson) ownerOrganisation = matchOrganisation(action.owner, directory.organisations)?.id ?? null;
					if (!ownerPerson && !ownerOrganisation) {
						if (descriptionFr) descriptionFr = `${descriptionFr} (${action.owner})`;
						if (descriptionKo) descriptionKo = `${descriptionKo} (${action.owner})`;
					}
				}
				return {
					id: newId(),
					group_id: group.value.id,
					meeting_id: meetingId,
					agenda_item_id: agendaItemId,
					description_fr: descriptionFr,
					description_ko: descriptionKo,
					owner_person_id: ownerPerson,
					owner_organisation_id: ownerOrganisation,
					due_on: action.dueOn,
					status: action.status,
					// In the document's order: the meeting's own actions after those of its items.
					position: actionRows.length + 1,
					created_at: now,
					updated_at: now
				};
			};
			for (const [index, item] of parsed.agenda.entries()) for (const action of item.actions) actionRows.push(actionRow(action, agendaRows[index].id));
			for (const action of parsed.actions) actionRows.push(actionRow(action, null));
			await repository.insertActionItems(transaction, actionRows);

			const unrecognised = [...parsed.unrecognised];
			const attendance = new Map<string, 'present' | 'excused'>();
			const attend = async (entries: ParticipantPreview[], kind: 'present' | 'excused', rowChoices: Record<number, RowChoice> | undefined) => {
				for (const [index, entry] of entries.entries()) {
					const key = personNameKey(`${entry.row.givenName} ${entry.row.familyName}`);
					const rowChoice = rowChoices?.[index];
					let personId: string | null = null;
					if (rowChoice?.kind === 'person') personId = rowChoice.personId;
					else if (rowChoice?.kind === 'new' && (entry.row.givenName || entry.row.familyName))
						personId = await createPerson(key, { givenName: entry.row.givenName, familyName: entry.row.familyName }, entry.organisation?.id ?? null);
					else if (!rowChoice) {
						// No choice sent (the command line): the automatic match.
						personId = entry.person?.id ?? created.get(key) ?? null;
						const speakerChoice = choices.get(key);
						if (!personId && speakerChoice?.kind === 'person') personId = speakerChoice.personId;
						if (!personId && input.createMissingParticipants && (entry.row.givenName || entry.row.familyName))
							personId = await createPerson(key, { givenName: entry.row.givenName, familyName: entry.row.familyName }, entry.organisation?.id ?? null);
					}
					if (!personId) {
						// Not found and not added, or not a person by the coordinator's choice: the row is kept as written, never dropped.
						unrecognised.push([entry.row.organisation, entry.row.givenName, entry.row.familyName].join('\t'));
						continue;
					}
					if (!attendance.has(personId)) attendance.set(personId, kind);
					// The person is known (or added without one) but the organisation written was not found:
					// the row is kept as written too, so its organisation's name is never lost.
					if (entry.row.organisation.trim() !== '' && !entry.organisation) unrecognised.push([entry.row.organisation, entry.row.givenName, entry.row.familyName].join('\t'));
				}
			};
			await attend(preview.participants, 'present', input.participants);
			await attend(preview.excused, 'excused', input.excused);
			await repository.insertParticipants(
				transaction,
				[...attendance].map(([personId, kind]) => ({ meeting_id: meetingId, person_id: personId, invited_at: null, response: null, responded_at: null, attendance: kind }))
			);
			const unrecognisedRows: MinutesUnrecognisedTable[] = unrecognised.map((text, index) => ({ id: newId(), meeting_id: meetingId, position: index + 1, text }));
			await repository.insertUnrecognised(transaction, unrecognisedRows);

			return {
				meetingId,
				groupSlug: group.value.slug,
				agendaItems: agendaRows.length,
				interventions: interventionRows.length,
				decisions: decisionRows.length,
				actions: actionRows.length,
				participants: attendance.size,
				unrecognised: unrecognisedRows.length,
				newPeople: created.size
			};
		})
	);
}
