/**
 * What every registration service reads first: the group and forum of a URL, the forum's
 * registrations round, the choices of visit preferences, and the deadline rule.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { PARIS_ZONE, SEOUL_ZONE } from '../../format/time-zones';
import { findGroupBySlug } from '../directory/directory.repository';
import { formatPersonName } from '../directory/person-name';
import type { Executor } from '../db/database';
import { findForumByNumber } from '../forums/forum.repository';
import { fail, ok } from '../shared/result';
import * as repository from './registration.repository';
import type { RegistrationRoundTable } from './registration.table';

export interface ForumOfRegistration {
	id: string;
	number: number;
	title: { fr: string; ko: string };
	status: string;
	hostTimezone: string;
	group: { id: string; slug: string; name: Record<Locale, string> };
}

export interface RegistrationRound {
	/** UTC instant. */
	deadlineAt: string;
	/** The zone the coordinator wrote the deadline in. */
	deadlineTimezone: string;
	/** Days before the deadline, largest first. */
	reminderDays: number[];
	/** The zones the deadline is shown in: Paris, Seoul, and its own when another. */
	zones: string[];
}

export function rowToRound(row: Pick<RegistrationRoundTable, 'deadline_at' | 'deadline_timezone' | 'reminder_days'>): RegistrationRound {
	return {
		deadlineAt: row.deadline_at,
		deadlineTimezone: row.deadline_timezone,
		reminderDays: (JSON.parse(row.reminder_days) as number[]).map(Number),
		zones: [...new Set([PARIS_ZONE, SEOUL_ZONE, row.deadline_timezone])]
	};
}

/**
 * The deadline rule (issue 5 §5), pure: a registration may be changed strictly before the
 * deadline instant; at and after it only by coordinators. Instants compare in UTC, so the zone the
 * deadline was written in and the zone of the person saving do not matter.
 */
export function isBeforeDeadline(deadlineAt: string, now: Date): boolean {
	return now.getTime() < new Date(deadlineAt).getTime();
}

/** The forum of /groups/<slug>/forums/<number>, or NOT_FOUND. No permission is checked here. */
export async function loadForum(db: Executor, groupSlug: string, forumNumber: number) {
	const group = await findGroupBySlug(db, groupSlug);
	if (!group || !Number.isInteger(forumNumber)) return fail('NOT_FOUND');
	const forum = await findForumByNumber(db, group.id, forumNumber);
	if (!forum) return fail('NOT_FOUND');
	const round = await repository.findRound(db, forum.id);
	return ok({
		forum: {
			id: forum.id,
			number: Number(forum.number),
			title: { fr: forum.title_fr, ko: forum.title_ko },
			status: forum.status,
			hostTimezone: forum.host_timezone,
			group: { id: group.id, slug: group.slug, name: { fr: group.name_fr, ko: group.name_ko, en: group.name_en } }
		} satisfies ForumOfRegistration,
		round: round ? rowToRound(round) : null
	});
}

export interface PreferenceOption {
	/** `theme:<key>` or `visit:<id>`: the form's value. */
	value: string;
	kind: 'theme' | 'visit';
	label: Record<Locale, string>;
}

/** What a delegate may rank: the shared themes, then the forum's field visits. */
export async function listPreferenceOptions(db: Executor, forumId: string): Promise<PreferenceOption[]> {
	const [themes, visits] = await Promise.all([repository.listThemes(db), repository.listFieldVisits(db, forumId)]);
	return [
		...themes.map((theme) => ({ value: `theme:${theme.key}`, kind: 'theme' as const, label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en } })),
		...visits.map((visit) => ({ value: `visit:${visit.id}`, kind: 'visit' as const, label: { fr: visit.title_fr || visit.title_ko, ko: visit.title_ko || visit.title_fr, en: visit.title_fr || visit.title_ko } }))
	];
}

export function forumTitleIn(forum: { number: number; title: { fr: string; ko: string } }, locale: Locale): string {
	return (locale === 'ko' ? forum.title.ko || forum.title.fr : forum.title.fr || forum.title.ko) || `#${forum.number}`;
}

export function organisationNameIn(organisation: { name_fr: string; name_ko: string | null; name_en: string | null }, locale: Locale): string {
	return (locale === 'ko' ? organisation.name_ko : locale === 'en' ? organisation.name_en : null) || organisation.name_fr;
}

export function personNameOf(person: { given_name: string; family_name: string; name_order: 'given-first' | 'family-first' }): string {
	return formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
}
