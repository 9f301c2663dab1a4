/**
 * A meeting's minutes as one document (issue 4 §3, §4, §7): everything the reader, the print view
 * and the Word, PDF and Markdown exports show, read once from the database. Speakers carry the
 * title they held ON THE MEETING'S DAY (titleOn), unless the writer overrode it; the participants
 * list (Organisation / Given name / Family name, like the reference minutes) comes from the people
 * marked present, and leaves out by default those who did not agree to be listed (issue 4 §4).
 *
 * `loadMinutesDocument` checks no permission: callers (services) decide who may read what
 * (published minutes: 'group.view'; drafts: 'group.manage').
 */
import type { Executor } from '../db/database';
import { formatPersonName } from '../directory/person-name';
import { titleOn } from '../directory/person-titles';
import { organisationsHeldOn } from '../directory/person-affiliations';
import { listAffiliationsOfPeople } from '../directory/person.repository';
import type { ActionStatus, MeetingFormat, MeetingStatus } from './meeting.table';
import * as repository from './minutes-document.repository';

/** The two languages minutes are written in. */
export type MinutesLanguage = 'fr' | 'ko';

/** A text in French and in Korean; '' where it was not written (yet) in that language. */
export interface BilingualText {
	fr: string;
	ko: string;
}

export interface MinutesIntervention {
	id: string;
	/** Null for a speaker who is not in the directory. */
	speakerPersonId: string | null;
	/** As written in the minutes ("Caroline Millan"), or the directory's name as running text writes it (nameInText). */
	speakerName: string;
	/**
	 * The title shown beside the speaker: the override when the writer gave one, otherwise the
	 * title held on the meeting's day, preferring one written in each language; null when none.
	 */
	speakerTitle: { fr: string | null; ko: string | null };
	/** True when speakerTitle is the writer's override rather than the directory's. */
	speakerTitleOverridden: boolean;
	/**
	 * The speaker's organisation: the writer's override, else the one they belonged to on the
	 * meeting's day, else their current one (Korean name falls back to the French one).
	 */
	organisation: BilingualText | null;
	/** True when organisation is the writer's override. */
	speakerOrganisationOverridden: boolean;
	text: BilingualText;
}

export interface MinutesDecision {
	id: string;
	text: BilingualText;
}

export interface MinutesAction {
	id: string;
	agendaItemId: string | null;
	description: BilingualText;
	/** Who does it: a person or an organisation of the directory, or nobody named yet. */
	owner: { kind: 'person' | 'organisation'; name: BilingualText } | null;
	/** Local date (YYYY-MM-DD) in the meeting's zone. */
	dueOn: string | null;
	status: ActionStatus;
}

export interface MinutesAgendaItem {
	id: string;
	/** 1, 2, 3…: the section number in every export. */
	number: number;
	title: BilingualText;
	presenter: { personId: string; name: string } | null;
	interventions: MinutesIntervention[];
	decisions: MinutesDecision[];
	actions: MinutesAction[];
}

/** One line of the participants (or excused) table. */
export interface MinutesParticipant {
	personId: string;
	organisation: BilingualText | null;
	givenName: string;
	familyName: string;
	nameOrder: 'given-first' | 'family-first';
	/** The person agreed to appear in published participant lists. */
	listed: boolean;
}

export interface MinutesDocument {
	meetingId: string;
	groupId: string;
	groupSlug: string;
	groupName: BilingualText;
	title: BilingualText;
	/** UTC instants (ISO 8601); null while an imported meeting waits for its date. */
	startsAt: string | null;
	endsAt: string | null;
	/** IANA zone the meeting was scheduled in; times are shown in it, in Paris and in Seoul. */
	timezone: string;
	/** The meeting's day (YYYY-MM-DD) in its zone; null without a date. */
	day: string | null;
	format: MeetingFormat;
	videoLink: string | null;
	place: string | null;
	status: MeetingStatus;
	publishedAt: string | null;
	originalLanguage: MinutesLanguage;
	agenda: MinutesAgendaItem[];
	/** Actions not attached to an agenda item (those attached are in their item's `actions`). */
	actions: MinutesAction[];
	/** Present people, by family name then given name. */
	participants: MinutesParticipant[];
	/** Excused people, same order. */
	excused: MinutesParticipant[];
	/** Present or excused people left out of the lists because they did not agree to be listed. */
	unlistedCount: number;
	/** Text an import did not recognise, verbatim, in its order: never dropped. */
	unrecognised: string[];
}

export interface LoadMinutesOptions {
	/**
	 * Keep people who did not agree to be listed (with `listed: false`): only for coordinators'
	 * own working views. Exported and published documents leave them out (the default).
	 */
	includeUnlisted?: boolean;
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayInZone(iso: string, timeZone: string): string {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

function bilingualName(fr: string | null | undefined, ko: string | null | undefined): BilingualText | null {
	if (!fr) return null;
	return { fr, ko: ko || fr };
}

/**
 * A name as minutes write it in running text: the directory keeps family names in capitals
 * ("Caroline MILLAN", "KIM Hyoung Jin", as the participants table shows them); the reference's
 * interventions say "Caroline Millan", "Kim Hyoung Jin".
 */
export function nameInText(person: { givenName: string; familyName: string; nameOrder: 'given-first' | 'family-first' }): string {
	const family =
		person.familyName === person.familyName.toLocaleUpperCase('fr') && /\p{Lu}/u.test(person.familyName)
			? person.familyName.toLocaleLowerCase('fr').replace(/(^|[\s'’-])(\p{L})/gu, (_, separator: string, letter: string) => separator + letter.toLocaleUpperCase('fr'))
			: person.familyName;
	return formatPersonName({ ...person, familyName: family });
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

function byName(a: MinutesParticipant, b: MinutesParticipant): number {
	return collator.compare(a.familyName, b.familyName) || collator.compare(a.givenName, b.givenName) || a.personId.localeCompare(b.personId);
}

/**
 * Reads a meeting's minutes as a MinutesDocument, or undefined when there is no such meeting.
 * Read-only; checks no permission (see the file's comment).
 */
export async function loadMinutesDocument(db: Executor, meetingId: string, options: LoadMinutesOptions = {}): Promise<MinutesDocument | undefined> {
	const meeting = await repository.findMeetingWithGroup(db, meetingId);
	if (!meeting) return undefined;
	const [items, interventions, decisions, actions, attendance, unrecognised] = await Promise.all([
		repository.listAgendaItems(db, meetingId),
		repository.listInterventions(db, meetingId),
		repository.listDecisions(db, meetingId),
		repository.listActionItems(db, meetingId),
		repository.listAttendance(db, meetingId),
		repository.listUnrecognised(db, meetingId)
	]);
	const day = meeting.starts_at ? dayInZone(meeting.starts_at, meeting.timezone) : null;
	// Without a date yet, the titles of the day the meeting was recorded.
	const titleDay = day ?? dayInZone(meeting.created_at, meeting.timezone);

	const speakerIds = [...new Set(interventions.map((row) => row.speaker_person_id).filter((id): id is string => id !== null))];
	const titleRows = await repository.listTitlesOfPeople(db, speakerIds);
	// The organisation of the same day as the title; the current one when the directory knows none then.
	const heldOn = organisationsHeldOn(await listAffiliationsOfPeople(db, [...new Set([...speakerIds, ...attendance.map((row) => row.person_id)])]), titleDay);
	const organisationOf = (personId: string | null, currentFr: string | null, currentKo: string | null) => {
		const held = personId ? heldOn.get(personId) : undefined;
		return held ? bilingualName(held.fr, held.ko) : bilingualName(currentFr, currentKo);
	};
	const titlesOf = new Map<string, { title: string; language: 'fr' | 'ko' | 'en'; validFrom: string | null; validTo: string | null }[]>();
	for (const row of titleRows) {
		const list = titlesOf.get(row.person_id) ?? [];
		list.push({ title: row.title, language: row.language, validFrom: row.valid_from, validTo: row.valid_to });
		titlesOf.set(row.person_id, list);
	}

	const toAction = (row: (typeof actions)[number]): MinutesAction => {
		let owner: MinutesAction['owner'] = null;
		if (row.owner_person_id && row.owner_given_name !== null && row.owner_family_name !== null) {
			const name = nameInText({ givenName: row.owner_given_name, familyName: row.owner_family_name, nameOrder: row.owner_name_order ?? 'given-first' });
			owner = { kind: 'person', name: { fr: name, ko: name } };
		} else if (row.owner_organisation_id && row.owner_organisation_name_fr) {
			owner = { kind: 'organisation', name: bilingualName(row.owner_organisation_name_fr, row.owner_organisation_name_ko)! };
		}
		return {
			id: row.id,
			agendaItemId: row.agenda_item_id,
			description: { fr: row.description_fr, ko: row.description_ko },
			owner,
			dueOn: row.due_on,
			status: row.status
		};
	};

	const agenda: MinutesAgendaItem[] = items.map((item, index) => ({
		id: item.id,
		number: index + 1,
		title: { fr: item.title_fr, ko: item.title_ko },
		presenter:
			item.presenter_person_id && item.presenter_given_name !== null && item.presenter_family_name !== null
				? {
						personId: item.presenter_person_id,
						name: nameInText({ givenName: item.presenter_given_name, familyName: item.presenter_family_name, nameOrder: item.presenter_name_order ?? 'given-first' })
					}
				: null,
		interventions: interventions
			.filter((row) => row.agenda_item_id === item.id)
			.map((row) => {
				const override = row.speaker_title_override?.trim() || null;
				const organisationOverride = row.speaker_organisation_override?.trim() || null;
				const titles = row.speaker_person_id ? (titlesOf.get(row.speaker_person_id) ?? []) : [];
				const inDirectory = row.speaker_person_id !== null && row.given_name !== null && row.family_name !== null;
				const directoryName = inDirectory
					? nameInText({ givenName: row.given_name!, familyName: row.family_name!, nameOrder: row.name_order ?? 'given-first' })
					: '';
				return {
					id: row.id,
					speakerPersonId: row.speaker_person_id,
					speakerName: row.speaker_name.trim() || directoryName,
					speakerTitle: override
						? { fr: override, ko: override }
						: { fr: titleOn(titles, titleDay, 'fr')?.title ?? null, ko: titleOn(titles, titleDay, 'ko')?.title ?? null },
					speakerTitleOverridden: override !== null,
					organisation: organisationOverride ? { fr: organisationOverride, ko: organisationOverride } : organisationOf(row.speaker_person_id, row.organisation_name_fr, row.organisation_name_ko),
					speakerOrganisationOverridden: organisationOverride !== null,
					text: { fr: row.text_fr, ko: row.text_ko }
				};
			}),
		decisions: decisions.filter((row) => row.agenda_item_id === item.id).map((row) => ({ id: row.id, text: { fr: row.text_fr, ko: row.text_ko } })),
		actions: actions.filter((row) => row.agenda_item_id === item.id).map(toAction)
	}));
	const itemIds = new Set(items.map((item) => item.id));

	const people = attendance.map((row) => ({
		attendance: row.attendance,
		participant: {
			personId: row.person_id,
			organisation: organisationOf(row.person_id, row.organisation_name_fr, row.organisation_name_ko),
			givenName: row.given_name,
			familyName: row.family_name,
			nameOrder: row.name_order,
			listed: Number(row.public_listing_consent) === 1
		} satisfies MinutesParticipant
	}));
	const shown = people.filter((row) => options.includeUnlisted || row.participant.listed);

	return {
		meetingId: meeting.id,
		groupId: meeting.group_id,
		groupSlug: meeting.group_slug,
		groupName: { fr: meeting.group_name_fr, ko: meeting.group_name_ko },
		title: { fr: meeting.title_fr, ko: meeting.title_ko },
		startsAt: meeting.starts_at,
		endsAt: meeting.ends_at,
		timezone: meeting.timezone,
		day,
		format: meeting.format,
		videoLink: meeting.video_link,
		place: meeting.place,
		status: meeting.status,
		publishedAt: meeting.published_at,
		originalLanguage: meeting.original_language,
		agenda,
		actions: actions.filter((row) => row.agenda_item_id === null || !itemIds.has(row.agenda_item_id)).map(toAction),
		participants: shown.filter((row) => row.attendance === 'present').map((row) => row.participant).sort(byName),
		excused: shown.filter((row) => row.attendance === 'excused').map((row) => row.participant).sort(byName),
		unlistedCount: people.length - shown.length,
		unrecognised: unrecognised.map((row) => row.text)
	};
}
