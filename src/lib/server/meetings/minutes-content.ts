/**
 * The whole minutes of a meeting as one value (issue 4 §3, §5): agenda items in order, each with its
 * interventions (speaker shown with the title and organisation held on the meeting's day, or the
 * writer's override), decisions and action items. It is what the reader shows and what a version
 * keeps as its JSON snapshot, so an old version reads exactly as it was published.
 * No permission check here: only services call it, after theirs.
 */
import type { Actor } from '../auth/policy';
import type { Executor } from '../db/database';
import { formatPersonName } from '../directory/person-name';
import { titleOn } from '../directory/person-titles';
import { organisationsHeldOn } from '../directory/person-affiliations';
import { listAffiliationsOfPeople } from '../directory/person.repository';
import { isUniqueViolation } from '../db/constraint-errors';
import type { ActionItemTable, ActionStatus, Attendance, MeetingFormat, MeetingTable, MeetingStatus } from './meeting.table';
import { newId } from '../shared/identifier';
import { isPostgres, listParticipants, lockMeeting } from './meeting.repository';
import * as repository from './minutes.repository';

/** A text written in French and in Korean; '' where not (yet) written. */
export interface BilingualText {
	fr: string;
	ko: string;
}

export interface MinutesIntervention {
	id: string;
	speakerPersonId: string | null;
	speakerName: string;
	/** The title shown: the override when written, else the one held on the meeting's day, per language. */
	speakerTitle: { fr: string | null; ko: string | null };
	speakerTitleOverride: string | null;
	/** The organisation the writer shows instead of the one held on the meeting's day (absent from older versions). */
	speakerOrganisationOverride?: string | null;
	/**
	 * The organisation shown: the override when written, else the one the speaker belonged to on
	 * the meeting's day (their current one when the directory knows none that day); null for a
	 * speaker not in the directory without an override.
	 */
	organisation: BilingualText | null;
	text: BilingualText;
}

export interface MinutesDecision {
	id: string;
	text: BilingualText;
}

export interface MinutesActionOwner {
	kind: 'person' | 'organisation';
	id: string;
	name: BilingualText;
}

export interface MinutesAction {
	id: string;
	agendaItemId: string | null;
	description: BilingualText;
	owner: MinutesActionOwner | null;
	/** Local date YYYY-MM-DD in the meeting's zone. */
	dueOn: string | null;
	status: ActionStatus;
}

export interface MinutesAgendaItem {
	id: string;
	position: number;
	title: BilingualText;
	/** Who presents the item (absent from versions kept before presenters were part of them). */
	presenter?: { id: string; name: string } | null;
	interventions: MinutesIntervention[];
	decisions: MinutesDecision[];
	actions: MinutesAction[];
}

export interface MinutesContent {
	meeting: {
		id: string;
		title: BilingualText;
		startsAt: string | null;
		endsAt: string | null;
		timezone: string;
		/** The meeting's day in its own zone (YYYY-MM-DD), null while it has no date. */
		day: string | null;
		originalLanguage: 'fr' | 'ko';
		status: MeetingStatus;
		publishedAt: string | null;
		/** Format, link and place (absent from versions kept before they were part of them). */
		format?: MeetingFormat;
		videoLink?: string | null;
		place?: string | null;
	};
	items: MinutesAgendaItem[];
	/**
	 * Who was recorded present, excused or absent, so a version keeps the attendance as it was
	 * (absent from versions kept before attendance was part of them).
	 */
	attendance?: MinutesAttendance[];
	/** Action items not tied to an agenda item. */
	otherActions: MinutesAction[];
	/** Text an import did not recognise: shown verbatim and flagged, never dropped. */
	unrecognised: string[];
}

/** One person's recorded attendance. */
export interface MinutesAttendance {
	personId: string;
	name: string;
	organisation: BilingualText | null;
	attendance: Attendance;
}

/** The calendar day of an instant in a zone, YYYY-MM-DD ("en-CA" writes dates that way). */
export function localDayOf(instant: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function nameOfOrganisation(row: { name_fr: string; name_ko: string | null }): BilingualText {
	return { fr: row.name_fr, ko: row.name_ko ?? '' };
}

/** Owners' display names for action items: people (with their organisation) and organisations. */
export async function resolveActionOwners(db: Executor, actions: Pick<ActionItemTable, 'owner_person_id' | 'owner_organisation_id'>[]) {
	const personIds = [...new Set(actions.map((action) => action.owner_person_id).filter((id): id is string => id !== null))];
	const organisationIds = [...new Set(actions.map((action) => action.owner_organisation_id).filter((id): id is string => id !== null))];
	const { people } = await repository.listPeopleWithTitles(db, personIds);
	const organisations = await repository.listOrganisationNames(db, organisationIds);
	const personNames = new Map(people.map((person) => [person.id, formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order })]));
	const organisationNames = new Map(organisations.map((organisation) => [organisation.id, nameOfOrganisation(organisation)]));
	return (action: Pick<ActionItemTable, 'owner_person_id' | 'owner_organisation_id'>): MinutesActionOwner | null => {
		if (action.owner_person_id && personNames.has(action.owner_person_id)) {
			const name = personNames.get(action.owner_person_id)!;
			return { kind: 'person', id: action.owner_person_id, name: { fr: name, ko: name } };
		}
		if (action.owner_organisation_id && organisationNames.has(action.owner_organisation_id)) {
			return { kind: 'organisation', id: action.owner_organisation_id, name: organisationNames.get(action.owner_organisation_id)! };
		}
		return null;
	};
}

/** Reads the whole minutes of a meeting (see MinutesContent). */
export async function loadMinutesContent(db: Executor, meeting: MeetingTable): Promise<MinutesContent> {
	const day = meeting.starts_at ? localDayOf(new Date(meeting.starts_at), meeting.timezone) : null;
	const items = await repository.listAgendaItems(db, meeting.id);
	const itemIds = items.map((item) => item.id);
	const interventions = await repository.listInterventionsOfItems(db, itemIds);
	const decisions = await repository.listDecisionsOfItems(db, itemIds);
	const actions = await repository.listActionItemsOfMeeting(db, meeting.id);
	const speakerIds = interventions.map((row) => row.speaker_person_id).filter((id): id is string => id !== null);
	const presenterIds = items.map((item) => item.presenter_person_id).filter((id): id is string => id !== null);
	const { people, titles } = await repository.listPeopleWithTitles(db, [...new Set([...speakerIds, ...presenterIds])]);
	const peopleById = new Map(people.map((person) => [person.id, person]));
	const participants = await listParticipants(db, meeting.id);
	const heldOn = organisationsHeldOn(await listAffiliationsOfPeople(db, [...new Set([...speakerIds, ...participants.map((row) => row.person_id)])]), day);
	/** The organisation of the meeting's day, else the current one (names as the directory has them). */
	const organisationOf = (personId: string, current: { fr: string | null; ko: string | null }): BilingualText | null => {
		const held = heldOn.get(personId);
		if (held) return { fr: held.fr, ko: held.ko ?? '' };
		return current.fr === null ? null : { fr: current.fr, ko: current.ko ?? '' };
	};
	const ownerOf = await resolveActionOwners(db, actions);

	const toAction = (row: ActionItemTable): MinutesAction => ({
		id: row.id,
		agendaItemId: row.agenda_item_id,
		description: { fr: row.description_fr, ko: row.description_ko },
		owner: ownerOf(row),
		dueOn: row.due_on,
		status: row.status
	});

	const speakerOf = (row: (typeof interventions)[number]): Pick<MinutesIntervention, 'speakerName' | 'speakerTitle' | 'organisation'> => {
		const person = row.speaker_person_id ? peopleById.get(row.speaker_person_id) : undefined;
		const override = row.speaker_title_override;
		const organisationOverride = row.speaker_organisation_override?.trim() || null;
		const writtenOrganisation = organisationOverride ? { fr: organisationOverride, ko: organisationOverride } : null;
		if (!person) return { speakerName: row.speaker_name, speakerTitle: { fr: override, ko: override }, organisation: writtenOrganisation };
		const held = titles
			.filter((title) => title.person_id === person.id)
			.map((title) => ({ title: title.title, language: title.language, validFrom: title.valid_from, validTo: title.valid_to }));
		// Without a date the minutes cannot say which day's title holds: none is shown until it has one.
		const onDay = (language: 'fr' | 'ko') => (override ? override : day ? (titleOn(held, day, language)?.title ?? null) : null);
		return {
			speakerName: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }),
			speakerTitle: { fr: onDay('fr'), ko: onDay('ko') },
			organisation: writtenOrganisation ?? organisationOf(person.id, { fr: person.organisation_name_fr, ko: person.organisation_name_ko })
		};
	};

	const presenterOf = (personId: string | null) => {
		const person = personId ? peopleById.get(personId) : undefined;
		return person ? { id: person.id, name: formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order }) } : null;
	};
	const attendance = participants
		.filter((row): row is typeof row & { attendance: Attendance } => row.attendance !== null)
		.map((row) => ({
			personId: row.person_id,
			name: formatPersonName({ givenName: row.given_name, familyName: row.family_name, nameOrder: row.name_order }),
			organisation: organisationOf(row.person_id, { fr: row.organisation_name_fr, ko: row.organisation_name_ko }),
			attendance: row.attendance
		}));

	return {
		meeting: {
			id: meeting.id,
			title: { fr: meeting.title_fr, ko: meeting.title_ko },
			startsAt: meeting.starts_at,
			endsAt: meeting.ends_at,
			timezone: meeting.timezone,
			day,
			originalLanguage: meeting.original_language,
			status: meeting.status,
			publishedAt: meeting.published_at,
			format: meeting.format,
			videoLink: meeting.video_link,
			place: meeting.place
		},
		items: items.map((item) => ({
			id: item.id,
			position: item.position,
			title: { fr: item.title_fr, ko: item.title_ko },
			presenter: presenterOf(item.presenter_person_id),
			interventions: interventions
				.filter((row) => row.agenda_item_id === item.id)
				.map((row) => ({
					id: row.id,
					speakerPersonId: row.speaker_person_id,
					speakerTitleOverride: row.speaker_title_override,
					speakerOrganisationOverride: row.speaker_organisation_override,
					text: { fr: row.text_fr, ko: row.text_ko },
					...speakerOf(row)
				})),
			decisions: decisions.filter((row) => row.agenda_item_id === item.id).map((row) => ({ id: row.id, text: { fr: row.text_fr, ko: row.text_ko } })),
			actions: actions.filter((row) => row.agenda_item_id === item.id).map(toAction)
		})),
		otherActions: actions.filter((row) => row.agenda_item_id === null || !itemIds.includes(row.agenda_item_id)).map(toAction),
		attendance,
		unrecognised: await repository.listUnrecognisedTexts(db, meeting.id)
	};
}

/**
 * Keeps the minutes as they now are as a new version (issue 4 §6): called inside the transaction of
 * a change to published minutes, after the change. Returns the version's number. A save that
 * changed nothing the minutes show (the same snapshot as the newest version) writes no version
 * and returns the newest one's number: the list of versions only lists real changes.
 *
 * Two changes at the same moment must not both take the next number: on PostgreSQL the meeting's
 * row is locked first (FOR UPDATE), so a second transaction waits and then reads the number the
 * first one wrote; SQLite runs one transaction at a time. Should the unique (meeting_id, version)
 * still refuse the number (a caller outside a transaction), it is taken again, fresh.
 */
export async function writeVersion(db: Executor, meeting: MeetingTable, actor: Actor, now: Date): Promise<number> {
	const content = await loadMinutesContent(db, meeting);
	const snapshot = JSON.stringify(content);
	await lockMeeting(db, meeting.id);
	const last = await repository.findLastMinutesVersion(db, meeting.id);
	if (last && last.snapshot === snapshot) return Number(last.version);
	for (let attempt = 1; ; attempt++) {
		const version = (await repository.lastVersionNumber(db, meeting.id)) + 1;
		try {
			await repository.insertMinutesVersion(db, {
				id: newId(),
				meeting_id: meeting.id,
				version,
				snapshot,
				author_user_id: actor.kind === 'user' ? actor.userId : null,
				at: now.toISOString()
			});
			return version;
		} catch (error) {
			// Inside a PostgreSQL transaction the failed insert has ended it: nothing to retry there.
			if (attempt >= 3 || !isUniqueViolation(error) || (db.isTransaction && isPostgres(db))) throw error;
		}
	}
}
