/**
 * Publishing the consolidated programme, personal programmes and waiting lists (issue 6 §5–6).
 *
 * Waiting lists. At publication every delegate waits on each visit they ranked and did not get.
 * A visit's queue is ordered by the rank the delegate gave it (a first choice before a second),
 * then by when their organisation registered (earlier first), then by person id (only so that the
 * order never depends on the database). When a place is free — a withdrawal, a declined or
 * expired offer — it is offered to the first waiting delegate whose slot is free (no visit nor
 * live offer of theirs overlaps the visit's hours), by e-mail, with `offer_hours` to accept (48 by
 * default, per forum). Places counted as taken: assignments plus live offers, so an offered place
 * is never offered twice. Every change runs in one transaction with the forum's row locked
 * (PostgreSQL; SQLite has one writer), and visit_assignment's primary key refuses a second copy of
 * a place: two withdrawals at once each free their own place, and each place goes to one person.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { formatInstantInZones, PARIS } from '../../format/date-time';
import { formatMeetingDay, formatTimeRange } from '../../format/meeting-times';
import { authorize, authorizePersonalProgramme, type Actor, type ProgrammeGuest } from '../auth/policy';
import { digestToken } from '../auth/secret-token';
import { createHmac } from 'node:crypto';
import type { Executor } from '../db/database';
import { formatPersonName } from '../directory/person-name';
import { enqueueEmail } from '../mail/outbox';
import { HOUR } from '../shared/clock';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { personalProgrammeCalendar, renderPersonalProgrammePdf, type ProgrammeDocument } from './personal-programme-documents';
import * as repository from './personal-programme.repository';
import type { WaitingStatus } from './personal-programme.table';

/** 48 hours to accept an offered place unless the forum says otherwise (issue 6 §6). */
export const DEFAULT_OFFER_HOURS = 48;

export interface ProgrammeMailOptions {
	/** "https://dari.example.org": links in e-mails. */
	origin: string;
}

type Viewer = Actor | ProgrammeGuest;
type Forum = NonNullable<Awaited<ReturnType<typeof repository.findForumWithGroup>>>;
type Item = Awaited<ReturnType<typeof repository.listProgrammeItems>>[number];

/** The link token of a personal programme: an HMAC of its row id, so every e-mail can carry it again. */
function programmeToken(secret: string, programmeId: string): string {
	return createHmac('sha256', secret).update(`personal-programme:${programmeId}`).digest('base64url');
}

function forumTitle(forum: Forum, locale: Locale): string {
	return (locale === 'ko' ? forum.title_ko || forum.title_fr : forum.title_fr || forum.title_ko) || `#${forum.number}`;
}

function itemTitle(item: Item, locale: Locale): string {
	return locale === 'ko' ? item.title_ko || item.title_fr : item.title_fr || item.title_ko;
}

function overlaps(a: { starts_at: string; ends_at: string }, b: { starts_at: string; ends_at: string }): boolean {
	return a.starts_at < b.ends_at && b.starts_at < a.ends_at;
}

function asLocale(value: string | null | undefined): Locale {
	return value === 'ko' || value === 'en' ? value : 'fr';
}

function linkUrl(mail: ProgrammeMailOptions, locale: Locale, token: string): string {
	return `${mail.origin}/${locale}/links/programme/${token}`;
}

async function actorPersonId(db: Executor, viewer: Viewer): Promise<string | null> {
	if (viewer.kind === 'programme-guest') return viewer.personId;
	if (viewer.kind === 'anonymous') return null;
	return repository.findPersonOfAccount(db, viewer.userId);
}

/** The items one delegate attends: every item that is not a field visit, and their own visits. */
function attendedItems(items: Item[], visitIds: Set<string>): Item[] {
	return items.filter((item) => item.kind !== 'field-visit' || visitIds.has(item.id));
}

/** The document of one delegate's programme, for the calendar file and the PDF. */
function programmeDocument(
	forum: Forum,
	person: { id: string; name: string },
	items: Item[],
	ranks: Map<string, number | null>,
	locale: Locale,
	programme: { calendarSequence: number; stamp: string; url: string }
): ProgrammeDocument {
	const attended = attendedItems(items, new Set(ranks.keys()));
	const note = (item: Item) => {
		if (item.kind !== 'field-visit') return m.personal_programme_common_item({}, { locale });
		const rank = ranks.get(item.id);
		return rank ? m.personal_programme_visit_choice({ rank }, { locale }) : m.personal_programme_visit({}, { locale });
	};
	const days = new Map<string, string[]>();
	for (const item of attended) {
		const heading = formatMeetingDay(item.starts_at, locale, forum.host_timezone);
		const host = formatTimeRange(item.starts_at, item.ends_at, locale, forum.host_timezone);
		const paris = formatTimeRange(item.starts_at, item.ends_at, locale, PARIS);
		const line = `${host} (${paris}) — ${itemTitle(item, locale)}${item.place ? `, ${item.place}` : ''} · ${note(item)}`;
		days.set(heading, [...(days.get(heading) ?? []), line]);
	}
	return {
		forumId: forum.id,
		personId: person.id,
		title: m.personal_programme_document_title({ forum: forumTitle(forum, locale) }, { locale }),
		personName: person.name,
		hostTimezone: forum.host_timezone,
		calendarSequence: programme.calendarSequence,
		stamp: programme.stamp,
		url: programme.url,
		entries: attended.map((item) => ({ itemId: item.id, title: itemTitle(item, locale), place: item.place, startsAt: item.starts_at, endsAt: item.ends_at, note: note(item) })),
		days: [...days].map(([heading, lines]) => ({ heading, lines })),
		zoneNote: m.personal_programme_zone_note({ zone: forum.host_timezone }, { locale })
	};
}

function hostnameOf(mail: ProgrammeMailOptions): string {
	try {
		return new URL(mail.origin).hostname || 'dari.local';
	} catch {
		return 'dari.local';
	}
}

/**
 * Publishes the forum's consolidated programme (coordinators): marks the computation published,
 * puts every delegate without a visit they ranked on its waiting list, and e-mails each delegate
 * who has an address their personal programme — the link to its page, the calendar file and the
 * PDF as attachments — in one transaction with the outbox. Publishing again sends the programme
 * again with the same link and calendar UIDs and a higher SEQUENCE.
 */
export async function publishConsolidation(
	context: ServiceContext,
	actor: Actor,
	forumId: string,
	mail: ProgrammeMailOptions = { origin: 'http://localhost:3000' }
): Promise<Result<{ delegates: number; emails: number }, 'NOT_FOUND' | 'NOT_COMPUTED'>> {
	const forum = isId(forumId) ? await repository.findForumWithGroup(context.db, forumId) : undefined;
	if (!forum) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', forum.group_id);
	if (denied) return denied;
	if (!(await repository.findRun(context.db, forum.id))) return fail('NOT_COMPUTED');
	const now = context.clock();
	const nowIso = now.toISOString();
	return context.db.transaction().execute(async (transaction) => {
		await repository.lockForum(transaction, forum.id);
		await repository.markRunPublished(transaction, forum.id, nowIso);
		const items = await repository.listProgrammeItems(transaction, forum.id);
		const { people, preferences } = await repository.listDelegates(transaction, forum.id);
		const assignments = await repository.listAssignments(transaction, forum.id);
		const assigned = new Set(assignments.map((row) => `${row.person_id} ${row.programme_item_id}`));
		const registeredAt = new Map(people.map((person) => [person.person_id, person.registered_at]));
		for (const preference of preferences) {
			if (assigned.has(`${preference.person_id} ${preference.programme_item_id}`)) continue;
			await repository.insertWaitingEntry(transaction, {
				forum_id: forum.id,
				person_id: preference.person_id,
				programme_item_id: preference.programme_item_id,
				preference_rank: preference.rank,
				registered_at: registeredAt.get(preference.person_id) ?? nowIso,
				status: 'waiting',
				offered_at: null,
				offer_expires_at: null,
				answered_at: null,
				created_at: nowIso
			});
		}
		await repository.deleteWaitingEntriesOfAssigned(transaction, forum.id);
		let emails = 0;
		const seen = new Set<string>();
		for (const person of people) {
			if (seen.has(person.person_id)) continue;
			seen.add(person.person_id);
			const programme = await ensurePersonalProgramme(transaction, context.secret, forum.id, person.person_id, nowIso);
			if (!person.email) continue;
			const locale = asLocale(person.preferred_language);
			const ranks = new Map(assignments.filter((row) => row.person_id === person.person_id).map((row) => [row.programme_item_id, row.rank === null ? null : Number(row.rank)]));
			const name = formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
			const url = linkUrl(mail, locale, programme.token);
			const document = programmeDocument(forum, { id: person.person_id, name }, items, ranks, locale, { calendarSequence: programme.sequence, stamp: nowIso, url });
			const pdf = await renderPersonalProgrammePdf(document);
			await enqueueEmail(
				transaction,
				{
					to: person.email,
					subject: m.personal_programme_mail_subject({ forum: forumTitle(forum, locale) }, { locale }),
					text: m.personal_programme_mail_body({ name, forum: forumTitle(forum, locale), url }, { locale }),
					attachments: [
						{ filename: 'programme.ics', contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: personalProgrammeCalendar(document, hostnameOf(mail)) },
						{ filename: 'programme.pdf', contentType: 'application/pdf', content: Buffer.from(pdf).toString('base64'), encoding: 'base64' }
					]
				},
				now,
				hostnameOf(mail)
			);
			emails++;
		}
		await offerFreePlaces(transaction, context.secret, forum, now, mail);
		return ok({ delegates: seen.size, emails });
	});
}

/** The delegate's programme row (created at their first publication, its SEQUENCE raised at each later one) and link token. */
async function ensurePersonalProgramme(db: Executor, secret: string, forumId: string, personId: string, now: string, raise = true) {
	const existing = await repository.findPersonalProgramme(db, forumId, personId);
	if (existing) {
		if (!raise) return { id: existing.id, token: programmeToken(secret, existing.id), sequence: Number(existing.calendar_sequence) };
		await repository.raiseCalendarSequence(db, existing.id, now);
		return { id: existing.id, token: programmeToken(secret, existing.id), sequence: Number(existing.calendar_sequence) + 1 };
	}
	const id = newId();
	const token = programmeToken(secret, id);
	await repository.insertPersonalProgramme(db, { id, forum_id: forumId, person_id: personId, token_digest: digestToken(secret, token), calendar_sequence: 0, published_at: now, updated_at: now });
	return { id, token, sequence: 0 };
}

/**
 * Passes on expired offers, then offers every free place of a capped visit to the first waiting
 * delegate whose slot is free (see the file comment for the order). Call it inside a transaction
 * that has locked the forum. Returns the number of offers made.
 */
async function offerFreePlaces(db: Executor, secret: string, forum: Forum, now: Date, mail: ProgrammeMailOptions): Promise<number> {
	const nowIso = now.toISOString();
	const entries = await repository.listWaitingEntries(db, forum.id);
	for (const entry of entries) {
		if (entry.status === 'offered' && entry.offer_expires_at !== null && entry.offer_expires_at <= nowIso) {
			await repository.updateWaitingEntry(db, entry, { status: 'expired', answered_at: entry.offer_expires_at }, 'offered');
			entry.status = 'expired';
		}
	}
	if (!(await repository.findRun(db, forum.id))?.published_at) return 0;
	const items = await repository.listProgrammeItems(db, forum.id);
	const assignments = await repository.listAssignments(db, forum.id);
	const hours = (await repository.findOfferHours(db, forum.id)) ?? DEFAULT_OFFER_HOURS;
	const itemById = new Map(items.map((item) => [item.id, item]));
	let offers = 0;
	for (const visit of items) {
		if (visit.kind !== 'field-visit' || visit.capacity === null) continue;
		const live = entries.filter((entry) => entry.programme_item_id === visit.id && entry.status === 'offered');
		let free = Number(visit.capacity) - assignments.filter((row) => row.programme_item_id === visit.id).length - live.length;
		for (const entry of entries) {
			if (free <= 0) break;
			if (entry.programme_item_id !== visit.id || entry.status !== 'waiting') continue;
			const busy = [
				...assignments.filter((row) => row.person_id === entry.person_id).map((row) => itemById.get(row.programme_item_id)),
				...entries.filter((other) => other.person_id === entry.person_id && other.status === 'offered').map((other) => itemById.get(other.programme_item_id))
			].some((item) => item && overlaps(item, visit));
			if (busy) continue;
			const expiresAt = new Date(now.getTime() + hours * HOUR).toISOString();
			// Only a row still waiting becomes an offer: never twice the same offer, whatever runs beside.
			if (!(await repository.updateWaitingEntry(db, entry, { status: 'offered', offered_at: nowIso, offer_expires_at: expiresAt }, 'waiting'))) continue;
			entry.status = 'offered';
			entry.offered_at = nowIso;
			entry.offer_expires_at = expiresAt;
			await sendOfferEmail(db, secret, forum, visit, entry.person_id, expiresAt, now, mail);
			free--;
			offers++;
		}
	}
	return offers;
}

async function sendOfferEmail(db: Executor, secret: string, forum: Forum, visit: Item, personId: string, expiresAt: string, now: Date, mail: ProgrammeMailOptions): Promise<void> {
	const person = await repository.findPerson(db, personId);
	if (!person?.email) return;
	const programme = await ensurePersonalProgramme(db, secret, forum.id, personId, now.toISOString(), false);
	const locale = asLocale(person.preferred_language);
	const name = formatPersonName({ givenName: person.given_name, familyName: person.family_name, nameOrder: person.name_order });
	const visitTitle = itemTitle(visit, locale);
	await enqueueEmail(
		db,
		{
			to: person.email,
			subject: m.personal_programme_offer_mail_subject({ visit: visitTitle }, { locale }),
			text: m.personal_programme_offer_mail_body(
				{ name, visit: visitTitle, forum: forumTitle(forum, locale), deadline: formatInstantInZones(expiresAt, locale, [PARIS, forum.host_timezone]), url: linkUrl(mail, locale, programme.token) },
				{ locale }
			)
		},
		now,
		hostnameOf(mail)
	);
}

/** Passes on every offer whose time ran out (the server's periodic job). Returns the offers made. */
export async function passExpiredOffers(context: ServiceContext, mail: ProgrammeMailOptions): Promise<number> {
	const now = context.clock();
	let offers = 0;
	for (const forumId of await repository.listForumsWithExpiredOffers(context.db, now.toISOString())) {
		const forum = await repository.findForumWithGroup(context.db, forumId);
		if (!forum) continue;
		offers += await context.db.transaction().execute(async (transaction) => {
			await repository.lockForum(transaction, forum.id);
			return offerFreePlaces(transaction, context.secret, forum, now, mail);
		});
	}
	return offers;
}

export interface ProgrammeLine {
	itemId: string;
	kind: string;
	title: { fr: string; ko: string };
	place: string | null;
	startsAt: string;
	endsAt: string;
	isVisit: boolean;
	rank: number | null;
}

export interface WaitingLine {
	itemId: string;
	title: { fr: string; ko: string };
	startsAt: string;
	endsAt: string;
	status: WaitingStatus;
	/** 1 for the first in the queue, among those still waiting or offered. */
	position: number;
	offerExpiresAt: string | null;
}

export interface PersonalProgrammeView {
	forum: { id: string; number: number; title: { fr: string; ko: string }; hostTimezone: string; groupSlug: string };
	person: { id: string; name: string };
	publishedAt: string | null;
	computed: boolean;
	days: { date: string; lines: ProgrammeLine[] }[];
	waiting: WaitingLine[];
	offerHours: number;
	/** For coordinators: every delegate, to open their programme. */
	delegates: { personId: string; name: string; organisation: string }[] | null;
}

/** Resolves a forum from its group and number: for routes. */
export async function findForumOfGroup(context: ServiceContext, groupSlug: string, forumNumber: string): Promise<string | null> {
	const number = Number(forumNumber);
	if (!Number.isInteger(number)) return null;
	return (await repository.findForumIdByNumber(context.db, groupSlug, number)) ?? null;
}

/**
 * A delegate's personal programme: the forum's days in host time, the common items and their
 * visits, their waiting lists and offers. `personId` null: the viewer's own. Members see only
 * their own, and only once published; coordinators anyone's, with the list of delegates.
 * Expired offers are passed on first (the check on every read).
 */
export async function getPersonalProgramme(
	context: ServiceContext,
	viewer: Viewer,
	forumId: string,
	personId: string | null,
	mail: ProgrammeMailOptions
): Promise<Result<PersonalProgrammeView, 'NOT_FOUND' | 'NOT_PUBLISHED' | 'NOT_A_DELEGATE'>> {
	const forum = await repository.findForumWithGroup(context.db, forumId);
	if (!forum) return fail('NOT_FOUND');
	const ownPerson = await actorPersonId(context.db, viewer);
	const manager = viewer.kind === 'user' && !authorize(viewer, 'group.manage', forum.group_id);
	const targetId = personId ?? ownPerson;
	if (!targetId) {
		const denied = authorize(viewer.kind === 'programme-guest' ? { kind: 'anonymous' } : viewer, 'group.view', forum.group_id);
		if (denied) return denied;
	}
	const denied = authorizePersonalProgramme(viewer, { groupId: forum.group_id, forumId: forum.id, personId: targetId ?? '' }, ownPerson);
	if (denied && !(manager && !targetId)) return denied;
	const run = await repository.findRun(context.db, forum.id);
	if (!run?.published_at && !manager) return fail('NOT_PUBLISHED');
	const now = context.clock();
	if (run?.published_at && (await repository.listForumsWithExpiredOffers(context.db, now.toISOString())).includes(forum.id)) {
		await context.db.transaction().execute(async (transaction) => {
			await repository.lockForum(transaction, forum.id);
			await offerFreePlaces(transaction, context.secret, forum, now, mail);
		});
	}
	const { people } = await repository.listDelegates(context.db, forum.id);
	const nameOf = (row: (typeof people)[number]) => formatPersonName({ givenName: row.given_name, familyName: row.family_name, nameOrder: row.name_order });
	const delegates = manager
		? [...new Map(people.map((row) => [row.person_id, { personId: row.person_id, name: nameOf(row), organisation: row.organisation_fr }])).values()]
		: null;
	const person = targetId ? people.find((row) => row.person_id === targetId) : undefined;
	if (targetId && !person) {
		if (manager && personId === null) return ok(emptyView(forum, run, delegates, await offerHoursOf(context.db, forum.id)));
		return fail(personId === null ? 'NOT_A_DELEGATE' : 'NOT_FOUND');
	}
	if (!person) return ok(emptyView(forum, run, delegates, await offerHoursOf(context.db, forum.id)));
	const items = await repository.listProgrammeItems(context.db, forum.id);
	const mine = (await repository.listAssignments(context.db, forum.id)).filter((row) => row.person_id === person.person_id);
	const ranks = new Map(mine.map((row) => [row.programme_item_id, row.rank === null ? null : Number(row.rank)]));
	const published = !!run?.published_at;
	const lines: ProgrammeLine[] = attendedItems(items, published || manager ? new Set(ranks.keys()) : new Set()).map((item) => ({
		itemId: item.id,
		kind: item.kind,
		title: { fr: item.title_fr, ko: item.title_ko },
		place: item.place,
		startsAt: item.starts_at,
		endsAt: item.ends_at,
		isVisit: item.kind === 'field-visit',
		rank: ranks.get(item.id) ?? null
	}));
	const days = new Map<string, ProgrammeLine[]>();
	for (const line of lines) {
		const date = new Intl.DateTimeFormat('en-CA', { timeZone: forum.host_timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(line.startsAt));
		days.set(date, [...(days.get(date) ?? []), line]);
	}
	const entries = await repository.listWaitingEntries(context.db, forum.id);
	const itemById = new Map(items.map((item) => [item.id, item]));
	const waiting: WaitingLine[] = entries
		.filter((entry) => entry.person_id === person.person_id && (entry.status === 'waiting' || entry.status === 'offered'))
		.map((entry) => {
			const queue = entries.filter((other) => other.programme_item_id === entry.programme_item_id && (other.status === 'waiting' || other.status === 'offered'));
			const item = itemById.get(entry.programme_item_id)!;
			return {
				itemId: entry.programme_item_id,
				title: { fr: item.title_fr, ko: item.title_ko },
				startsAt: item.starts_at,
				endsAt: item.ends_at,
				status: entry.status,
				position: queue.findIndex((other) => other.person_id === entry.person_id) + 1,
				offerExpiresAt: entry.offer_expires_at
			};
		});
	return ok({
		...emptyView(forum, run, delegates, await offerHoursOf(context.db, forum.id)),
		person: { id: person.person_id, name: nameOf(person) },
		days: [...days].map(([date, dayLines]) => ({ date, lines: dayLines })),
		waiting
	});
}

async function offerHoursOf(db: Executor, forumId: string): Promise<number> {
	return (await repository.findOfferHours(db, forumId)) ?? DEFAULT_OFFER_HOURS;
}

function emptyView(forum: Forum, run: { published_at: string | null } | undefined, delegates: PersonalProgrammeView['delegates'], offerHours: number): PersonalProgrammeView {
	return {
		forum: { id: forum.id, number: Number(forum.number), title: { fr: forum.title_fr, ko: forum.title_ko }, hostTimezone: forum.host_timezone, groupSlug: forum.slug },
		person: { id: '', name: '' },
		publishedAt: run?.published_at ?? null,
		computed: !!run,
		days: [],
		waiting: [],
		offerHours,
		delegates
	};
}

/** The calendar file or PDF of a delegate's programme, for download (same rules as the page). */
export async function getPersonalProgrammeFile(
	context: ServiceContext,
	viewer: Viewer,
	forumId: string,
	personId: string | null,
	format: 'ics' | 'pdf',
	locale: Locale,
	mail: ProgrammeMailOptions
): Promise<Result<{ body: string | Uint8Array; contentType: string; filename: string }, 'NOT_FOUND' | 'NOT_PUBLISHED' | 'NOT_A_DELEGATE'>> {
	const view = await getPersonalProgramme(context, viewer, forumId, personId, mail);
	if (!view.ok) return view;
	if (!view.value.person.id) return fail('NOT_A_DELEGATE');
	const forum = (await repository.findForumWithGroup(context.db, forumId))!;
	const items = await repository.listProgrammeItems(context.db, forum.id);
	const ranks = new Map(view.value.days.flatMap((day) => day.lines).filter((line) => line.isVisit).map((line) => [line.itemId, line.rank]));
	const programme = await repository.findPersonalProgramme(context.db, forum.id, view.value.person.id);
	const url = programme ? linkUrl(mail, locale, programmeToken(context.secret, programme.id)) : `${mail.origin}/${locale}/groups/${forum.slug}/forums/${forum.number}/my-programme`;
	const document = programmeDocument(forum, view.value.person, items, ranks, locale, {
		calendarSequence: Number(programme?.calendar_sequence ?? 0),
		stamp: programme?.published_at ?? context.clock().toISOString(),
		url
	});
	if (format === 'ics') return ok({ body: personalProgrammeCalendar(document, hostnameOf(mail)), contentType: 'text/calendar; charset=utf-8', filename: 'programme.ics' });
	return ok({ body: await renderPersonalProgrammePdf(document), contentType: 'application/pdf', filename: 'programme.pdf' });
}

/** What a programme link opens: the guest it stands for, or NOT_FOUND. Compared by HMAC only. */
export async function openProgrammeLink(context: ServiceContext, token: string): Promise<Result<{ guest: ProgrammeGuest; forumId: string }, 'NOT_FOUND'>> {
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return fail('NOT_FOUND');
	const programme = await repository.findPersonalProgrammeByDigest(context.db, digestToken(context.secret, token));
	if (!programme) return fail('NOT_FOUND');
	const forum = await repository.findForumWithGroup(context.db, programme.forum_id);
	if (!forum) return fail('NOT_FOUND');
	return ok({ guest: { kind: 'programme-guest', personId: programme.person_id, groupId: forum.group_id, forumId: forum.id }, forumId: forum.id });
}

async function placeChange<T extends string>(
	context: ServiceContext,
	viewer: Viewer,
	forumId: string,
	personId: string,
	change: (db: Executor, forum: Forum, now: Date) => Promise<Result<void, T>>,
	mail: ProgrammeMailOptions
): Promise<Result<void, T | 'NOT_FOUND' | 'NOT_PUBLISHED'>> {
	const forum = isId(forumId) ? await repository.findForumWithGroup(context.db, forumId) : undefined;
	if (!forum || !isId(personId)) return fail('NOT_FOUND');
	const denied = authorizePersonalProgramme(viewer, { groupId: forum.group_id, forumId: forum.id, personId }, await actorPersonId(context.db, viewer));
	if (denied) return denied;
	if (!(await repository.findRun(context.db, forum.id))?.published_at) return fail('NOT_PUBLISHED');
	const now = context.clock();
	return context.db.transaction().execute(async (transaction) => {
		await repository.lockForum(transaction, forum.id);
		// Offers whose time ran out go first, so the answer below sees the queue as it is now.
		await offerFreePlaces(transaction, context.secret, forum, now, mail);
		const result = await change(transaction, forum, now);
		if (result.ok) await offerFreePlaces(transaction, context.secret, forum, now, mail);
		return result;
	});
}

/**
 * Takes a delegate off a visit (the delegate withdraws, or a coordinator removes them); the freed
 * place is offered to the first waiting delegate whose slot is free, in the same transaction.
 */
export async function withdrawFromVisit(context: ServiceContext, viewer: Viewer, forumId: string, personId: string, itemId: string, mail: ProgrammeMailOptions) {
	return placeChange<'NOT_ASSIGNED'>(context, viewer, forumId, personId, async (db, forum) => {
		if (!isId(itemId) || !(await repository.deleteAssignment(db, forum.id, personId, itemId))) return fail('NOT_ASSIGNED');
		return ok(undefined);
	}, mail);
}

/** Accepts an offered place before its time runs out: the delegate is assigned (source 'waiting-list'). */
export async function acceptOffer(context: ServiceContext, viewer: Viewer, forumId: string, personId: string, itemId: string, mail: ProgrammeMailOptions) {
	return placeChange<'NO_OFFER'>(context, viewer, forumId, personId, async (db, forum, now) => {
		const entry = (await repository.listWaitingEntries(db, forum.id)).find((row) => row.person_id === personId && row.programme_item_id === itemId);
		if (!entry || entry.status !== 'offered') return fail('NO_OFFER');
		await repository.updateWaitingEntry(db, entry, { status: 'accepted', answered_at: now.toISOString() }, 'offered');
		await repository.insertWaitingListAssignment(db, { forum_id: forum.id, person_id: personId, programme_item_id: itemId, rank: Number(entry.preference_rank), created_at: now.toISOString() });
		return ok(undefined);
	}, mail);
}

/** Declines an offered place: it passes to the next waiting delegate at once. */
export async function declineOffer(context: ServiceContext, viewer: Viewer, forumId: string, personId: string, itemId: string, mail: ProgrammeMailOptions) {
	return placeChange<'NO_OFFER'>(context, viewer, forumId, personId, async (db, forum, now) => {
		const entry = (await repository.listWaitingEntries(db, forum.id)).find((row) => row.person_id === personId && row.programme_item_id === itemId);
		if (!entry || entry.status !== 'offered') return fail('NO_OFFER');
		await repository.updateWaitingEntry(db, entry, { status: 'declined', answered_at: now.toISOString() }, 'offered');
		return ok(undefined);
	}, mail);
}

/** Sets how many hours an offered place stays open for this forum (coordinators; 1 to 336, two weeks). */
export async function setOfferHours(context: ServiceContext, actor: Actor, forumId: string, hours: number): Promise<Result<void, 'NOT_FOUND' | 'INVALID'>> {
	const forum = isId(forumId) ? await repository.findForumWithGroup(context.db, forumId) : undefined;
	if (!forum) return fail('NOT_FOUND');
	const denied = authorize(actor, 'group.manage', forum.group_id);
	if (denied) return denied;
	if (!Number.isInteger(hours) || hours < 1 || hours > 336) return fail('INVALID', 'offerHours');
	await repository.saveOfferHours(context.db, forum.id, hours, context.clock().toISOString());
	return ok(undefined);
}
