/**
 * The date poll of a forum edition (issue 5 §3): the coordinator proposes ranked options (a day or
 * a range of local days in the host's zone) with reasons and a closing time; each member
 * organisation answers yes / if need be / no per option, one answer per organisation that any of
 * its people may change until the poll closes; the coordinator closes it and picks an option,
 * which sets the forum's dates and tells every member by e-mail.
 *
 * Each option shows both countries' holidays inside it or within three days around it, and the
 * weekends (holidays.ts).
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { formatDayRange } from '../../components/polls/day-range';
import { forumOrdinal } from '../../components/forums/forum-labels';
import { zoneLabel } from '../../format/date-time';
import { utcToZonedFields, zonedToUtc } from '../../format/time-zones';
import type { Actor } from '../auth/policy';
import type { Executor } from '../db/database';
import { formatPersonName } from '../directory/person-name';
import { updateForum, type ForumRow } from '../forums/forum.repository';
import { FORUM_STATUSES } from '../forums/forum.table';
import type { ForumGroup } from '../forums/forum.service';
import { calendarNotesForRange, HOLIDAY_COUNTRIES, type Holiday, type HolidayCountry } from '../holidays/holidays';
import { enqueueEmail } from '../mail/outbox';
import { listGroupPeople } from '../meetings/meeting.repository';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { canManageGroup, forumTitleIn, loadAnswer, loadForum, type Respondent, ownRespondent, respondentOrganisations, type RespondentOrganisation } from './forum-access';
import * as repository from './poll.repository';
import type { DatePollAnswerInput, DatePollOptionInput, DatePollSettingsInput } from './poll.schema';
import type { DatePollChoice, DatePollStatus } from './poll.table';

/** Three days on each side: a holiday just before or after a forum still keeps people away (issue 5 §3). */
export const HOLIDAY_MARGIN_DAYS = 3;

/** A day inside an option or within the margin around it that is a weekend or a holiday in France or Korea. */
export interface OptionCalendarDay {
	date: string;
	weekend: boolean;
	inside: boolean;
	holidays: Holiday[];
}

export interface DatePollOption {
	id: string;
	rank: number;
	startsOn: string;
	endsOn: string;
	reason: { fr: string; ko: string };
	/** Weekends and holidays in and around the option. */
	calendar: OptionCalendar;
	totals: Record<DatePollChoice | 'unanswered', number>;
}

export interface DatePollOrganisationAnswer {
	organisation: RespondentOrganisation;
	answer: {
		comment: string;
		answeredAt: string;
		answeredBy: string;
		choices: Record<string, DatePollChoice>;
	} | null;
}

export interface DatePoll {
	id: string;
	status: DatePollStatus;
	closesAt: string | null;
	closesTimezone: string;
	includeAlsaceMoselle: boolean;
	openedAt: string | null;
	closedAt: string | null;
	chosenOptionId: string | null;
	/** Open and before its closing time: answers are taken. */
	acceptingAnswers: boolean;
	options: DatePollOption[];
	organisations: DatePollOrganisationAnswer[];
}

export interface DatePollPage {
	group: ForumGroup;
	forum: { id: string; number: number; hostTimezone: string; startsOn: string | null; endsOn: string | null };
	poll: DatePoll | null;
	/** The organisation the viewer answers for by default, when theirs is asked. */
	ownOrganisationId: string | null;
	canManage: boolean;
	/** The closing form's first values (the poll's, else a week from now at 18:00 in Paris). */
	settings: { closesDate: string; closesTime: string; closesTimezone: string; includeAlsaceMoselle: boolean };
}

export interface OptionCalendar {
	days: OptionCalendarDay[];
	/** Countries whose holidays are not known for some of these days (a year no list covers). */
	unknownCountries: HolidayCountry[];
}

/** Weekends and holidays of both countries inside an option and within HOLIDAY_MARGIN_DAYS around it. */
export function optionCalendar(startsOn: string, endsOn: string, includeAlsaceMoselle: boolean): OptionCalendar {
	const notes = calendarNotesForRange(startsOn, endsOn, { alsaceMoselle: includeAlsaceMoselle, marginDays: HOLIDAY_MARGIN_DAYS });
	return {
		days: notes
			.filter((note) => note.weekend || note.holidays.length > 0)
			.map((note) => ({ date: note.date, weekend: note.weekend, inside: note.inside, holidays: note.holidays })),
		unknownCountries: HOLIDAY_COUNTRIES.filter((country) => notes.some((note) => note.unknownCountries.includes(country)))
	};
}

function closingFieldsOf(closesAt: string, timeZone: string): { closesDate: string; closesTime: string } {
	const fields = utcToZonedFields(closesAt, timeZone);
	return { closesDate: fields.date, closesTime: fields.time };
}

function isAcceptingAnswers(poll: repository.DatePollRow, now: Date): boolean {
	return poll.status === 'open' && poll.closes_at !== null && now.toISOString() < poll.closes_at;
}

function personName(row: { given_name: string | null; family_name: string | null; name_order: 'given-first' | 'family-first' | null; account_name: string | null }): string {
	if (row.given_name !== null && row.family_name !== null) return formatPersonName({ givenName: row.given_name, familyName: row.family_name, nameOrder: row.name_order ?? 'given-first' });
	return row.account_name ?? '';
}

async function loadPoll(db: Executor, poll: repository.DatePollRow, organisations: RespondentOrganisation[], now: Date): Promise<DatePoll> {
	const options = await repository.listDatePollOptions(db, poll.id);
	const answers = await repository.listDatePollAnswers(db, poll.id);
	const choices = await repository.listDatePollChoices(db, poll.id);
	const includeAlsaceMoselle = Boolean(poll.include_alsace_moselle);
	const answered = organisations.map((organisation) => {
		const answer = answers.find((row) => row.organisation_id === organisation.id);
		return {
			organisation,
			answer: answer
				? {
						comment: answer.comment,
						answeredAt: answer.answered_at,
						answeredBy: personName(answer),
						choices: Object.fromEntries(choices.filter((choice) => choice.organisation_id === organisation.id).map((choice) => [choice.option_id, choice.choice]))
					}
				: null
		};
	});
	return {
		id: poll.id,
		status: poll.status,
		closesAt: poll.closes_at,
		closesTimezone: poll.closes_timezone,
		includeAlsaceMoselle,
		openedAt: poll.opened_at,
		closedAt: poll.closed_at,
		chosenOptionId: poll.chosen_option_id,
		acceptingAnswers: isAcceptingAnswers(poll, now),
		options: options.map((option) => {
			const totals: DatePollOption['totals'] = { yes: 0, 'if-need-be': 0, no: 0, unanswered: 0 };
			// Only the organisations asked count (one that left the group keeps its row but not its say).
			for (const { answer } of answered) totals[answer?.choices[option.id] ?? 'unanswered']++;
			return {
				id: option.id,
				rank: Number(option.rank),
				startsOn: option.starts_on,
				endsOn: option.ends_on,
				reason: { fr: option.reason_fr, ko: option.reason_ko },
				calendar: optionCalendar(option.starts_on, option.ends_on, includeAlsaceMoselle),
				totals
			};
		}),
		organisations: answered
	};
}

/** The date poll page: options with their holidays, the grid of answers and its totals. */
export async function getDatePoll(context: ServiceContext, actor: Respondent, groupSlug: string, forumNumber: string): Promise<Result<DatePollPage, 'NOT_FOUND'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.view');
	if (!found.ok) return found;
	const { group, forum } = found.value;
	const now = context.clock();
	const organisations = await respondentOrganisations(context.db, group.id);
	const row = await repository.findDatePollOfForum(context.db, forum.id);
	const poll = row ? await loadPoll(context.db, row, organisations, now) : null;
	const weekLater = new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
	const settings = row?.closes_at
		? { ...closingFieldsOf(row.closes_at, row.closes_timezone), closesTimezone: row.closes_timezone, includeAlsaceMoselle: Boolean(row.include_alsace_moselle) }
		: { closesDate: weekLater, closesTime: '18:00', closesTimezone: 'Europe/Paris', includeAlsaceMoselle: Boolean(row?.include_alsace_moselle) };
	return ok({
		group,
		forum: { id: forum.id, number: Number(forum.number), hostTimezone: forum.host_timezone, startsOn: forum.starts_on, endsOn: forum.ends_on },
		poll,
		ownOrganisationId: ownRespondent(actor, organisations),
		canManage: canManageGroup(actor, group.id),
		settings
	});
}

/**
 * Creates the forum's poll (a draft) or changes its closing time and whether Alsace-Moselle's
 * holidays are shown. An open poll's closing time may be moved, never into the past.
 */
export async function saveDatePollSettings(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	input: DatePollSettingsInput
): Promise<Result<{ pollId: string }, 'NOT_FOUND' | 'POLL_CLOSED' | 'CLOSING_TIME_PAST'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	const now = context.clock();
	const closesAt = zonedToUtc(input.closesDate, input.closesTime, input.closesTimezone).toISOString();
	return context.db.transaction().execute(async (transaction) => {
		const existing = await repository.findDatePollOfForum(transaction, found.value.forum.id);
		const columns = { closes_at: closesAt, closes_timezone: input.closesTimezone, include_alsace_moselle: input.includeAlsaceMoselle ? 1 : 0, updated_at: now.toISOString() };
		if (!existing) {
			const pollId = newId();
			await repository.insertDatePoll(transaction, {
				id: pollId,
				forum_id: found.value.forum.id,
				status: 'draft',
				...columns,
				opened_at: null,
				closed_at: null,
				closed_by_user_id: null,
				chosen_option_id: null,
				created_at: now.toISOString()
			});
			return ok({ pollId });
		}
		if (existing.status === 'closed') return fail('POLL_CLOSED');
		if (existing.status === 'open' && closesAt <= now.toISOString()) return fail('CLOSING_TIME_PAST', 'closesDate');
		await repository.updateDatePoll(transaction, existing.id, columns);
		return ok({ pollId: existing.id });
	});
}

/** The poll of a forum the actor manages, when options may still change (a draft). */
async function loadDraftPoll(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: string) {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	const poll = await repository.findDatePollOfForum(context.db, found.value.forum.id);
	if (!poll) return fail('NOT_FOUND');
	// Options are fixed once members answer: an answer is for the days that were shown.
	if (poll.status !== 'draft') return fail('OPTIONS_LOCKED');
	return ok({ ...found.value, poll });
}

/** Adds an option (a day or a range) after the others: it is ranked last. */
export async function addDatePollOption(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	input: DatePollOptionInput
): Promise<Result<{ optionId: string }, 'NOT_FOUND' | 'OPTIONS_LOCKED' | 'INVALID_FIELD'>> {
	const found = await loadDraftPoll(context, actor, groupSlug, forumNumber);
	if (!found.ok) return found;
	// The schema checks it too; the service keeps the rule for every caller.
	if (input.endsOn < input.startsOn) return fail('INVALID_FIELD', 'endsOn');
	const optionId = newId();
	await context.db.transaction().execute(async (transaction) => {
		const options = await repository.listDatePollOptions(transaction, found.value.poll.id);
		await repository.insertDatePollOption(transaction, {
			id: optionId,
			poll_id: found.value.poll.id,
			rank: options.length === 0 ? 1 : Math.max(...options.map((option) => Number(option.rank))) + 1,
			starts_on: input.startsOn,
			ends_on: input.endsOn,
			reason_fr: input.reasonFr,
			reason_ko: input.reasonKo,
			created_at: context.clock().toISOString()
		});
	});
	return ok({ optionId });
}

/** Changes an option's days or reasons. */
export async function updateDatePollOption(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	optionId: string,
	input: DatePollOptionInput
): Promise<Result<{ optionId: string }, 'NOT_FOUND' | 'OPTIONS_LOCKED' | 'INVALID_FIELD'>> {
	const found = await loadDraftPoll(context, actor, groupSlug, forumNumber);
	if (!found.ok) return found;
	if (input.endsOn < input.startsOn) return fail('INVALID_FIELD', 'endsOn');
	const options = await repository.listDatePollOptions(context.db, found.value.poll.id);
	if (!options.some((option) => option.id === optionId)) return fail('NOT_FOUND');
	await repository.updateDatePollOption(context.db, optionId, { starts_on: input.startsOn, ends_on: input.endsOn, reason_fr: input.reasonFr, reason_ko: input.reasonKo });
	return ok({ optionId });
}

async function rewriteRanks(db: Executor, orderedIds: string[]): Promise<void> {
	for (const [index, id] of orderedIds.entries()) await repository.updateDatePollOption(db, id, { rank: index + 1 });
}

/** Removes an option; the others keep their order, ranked 1, 2, 3… */
export async function removeDatePollOption(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	optionId: string
): Promise<Result<{ optionId: string }, 'NOT_FOUND' | 'OPTIONS_LOCKED'>> {
	const found = await loadDraftPoll(context, actor, groupSlug, forumNumber);
	if (!found.ok) return found;
	return context.db.transaction().execute(async (transaction) => {
		const options = await repository.listDatePollOptions(transaction, found.value.poll.id);
		if (!options.some((option) => option.id === optionId)) return fail('NOT_FOUND');
		await repository.deleteDatePollOption(transaction, optionId);
		await rewriteRanks(
			transaction,
			options.filter((option) => option.id !== optionId).map((option) => option.id)
		);
		return ok({ optionId });
	});
}

/** Moves an option one rank up (a better choice) or down. */
export async function moveDatePollOption(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	optionId: string,
	direction: 'up' | 'down'
): Promise<Result<{ rank: number }, 'NOT_FOUND' | 'OPTIONS_LOCKED'>> {
	const found = await loadDraftPoll(context, actor, groupSlug, forumNumber);
	if (!found.ok) return found;
	return context.db.transaction().execute(async (transaction) => {
		const ids = (await repository.listDatePollOptions(transaction, found.value.poll.id)).map((option) => option.id);
		const from = ids.indexOf(optionId);
		if (from === -1) return fail('NOT_FOUND');
		const to = direction === 'up' ? Math.max(0, from - 1) : Math.min(ids.length - 1, from + 1);
		[ids[from], ids[to]] = [ids[to], ids[from]];
		await rewriteRanks(transaction, ids);
		return ok({ rank: to + 1 });
	});
}

/**
 * Opens the poll to answers. Refused without options, or with a closing time already past. The
 * forum moves to "choosing dates" if it was still an idea.
 */
export async function openDatePoll(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string
): Promise<Result<{ pollId: string }, 'NOT_FOUND' | 'OPTIONS_LOCKED' | 'NO_OPTIONS' | 'CLOSING_TIME_PAST'>> {
	const found = await loadDraftPoll(context, actor, groupSlug, forumNumber);
	if (!found.ok) return found;
	const { forum, poll } = found.value;
	const now = context.clock().toISOString();
	if (!poll.closes_at || poll.closes_at <= now) return fail('CLOSING_TIME_PAST', 'closesDate');
	return context.db.transaction().execute(async (transaction) => {
		if ((await repository.listDatePollOptions(transaction, poll.id)).length === 0) return fail('NO_OPTIONS');
		await repository.updateDatePoll(transaction, poll.id, { status: 'open', opened_at: now, updated_at: now });
		if (FORUM_STATUSES.indexOf(forum.status) < FORUM_STATUSES.indexOf('choosing-dates')) await updateForum(transaction, forum.id, { status: 'choosing-dates', updated_at: now });
		return ok({ pollId: poll.id });
	});
}

/**
 * An organisation answers, or changes its answer: yes / if need be / no for every option and a
 * comment. One answer per organisation, whoever of its people gives it; who and when are recorded.
 * Refused once the poll is closed or its closing time has passed (POLL_CLOSED: the page shows the
 * closing time in the viewer's zone), before it opens (POLL_NOT_OPEN), and for an organisation the
 * actor may not answer for (the policy's authorizeForumAnswer, which also admits personal links).
 */
export async function answerDatePoll(
	context: ServiceContext,
	actor: Respondent,
	groupSlug: string,
	forumNumber: string,
	input: DatePollAnswerInput
): Promise<Result<{ organisationId: string }, 'NOT_FOUND' | 'POLL_NOT_OPEN' | 'POLL_CLOSED' | 'NOT_RESPONDENT' | 'INVALID_FIELD'>> {
	const found = await loadAnswer(context, actor, groupSlug, forumNumber, input.organisationId);
	if (!found.ok) return found;
	const { forum, organisation, answeredBy: who } = found.value;
	return context.db.transaction().execute(async (transaction) => {
		const existing = await repository.findDatePollOfForum(transaction, forum.id);
		if (!existing) return fail('NOT_FOUND');
		// Locked, then read again: a close that commits first is seen here, never overwritten.
		const poll = (await repository.lockDatePoll(transaction, existing.id))!;
		const now = context.clock();
		if (poll.status === 'draft') return fail('POLL_NOT_OPEN');
		if (!isAcceptingAnswers(poll, now)) return fail('POLL_CLOSED');
		const options = await repository.listDatePollOptions(transaction, poll.id);
		const byOption = new Map(input.choices.map((choice) => [choice.optionId, choice.choice]));
		const unknown = input.choices.find((choice) => !options.some((option) => option.id === choice.optionId));
		if (unknown) return fail('INVALID_FIELD', `choice:${unknown.optionId}`);
		const missing = options.find((option) => !byOption.has(option.id));
		if (missing) return fail('INVALID_FIELD', `choice:${missing.id}`);
		await repository.replaceDatePollAnswer(
			transaction,
			{ pollId: poll.id, organisationId: organisation.id, comment: input.comment, ...who, at: now.toISOString() },
			options.map((option) => ({ optionId: option.id, choice: byOption.get(option.id)! }))
		);
		return ok({ organisationId: organisation.id });
	});
}

export interface MailOptions {
	/** "https://dari.example.org": the link in the e-mail. */
	origin: string;
}

/** One e-mail per address to the people of the group's member and partner organisations, in their language. */
async function announceDates(db: Executor, group: ForumGroup, forum: ForumRow, option: repository.DatePollOptionRow, now: Date, mail: MailOptions): Promise<number> {
	const hostname = new URL(mail.origin).hostname;
	const written = new Set<string>();
	for (const person of await listGroupPeople(db, group.id)) {
		const to = person.email ?? person.account_email;
		if (!to || written.has(to.toLowerCase())) continue;
		written.add(to.toLowerCase());
		const locale: Locale = person.preferred_language;
		const title = forumTitleIn(forum, locale) || forumOrdinal(Number(forum.number), locale);
		const dates = formatDayRange(option.starts_on, option.ends_on, locale);
		const url = `${mail.origin}/${locale}/groups/${group.slug}/forums/${forum.number}/poll`;
		await enqueueEmail(
			db,
			{
				to,
				subject: m.poll_email_dates_subject({ forum: title, dates }, { locale }),
				text: m.poll_email_dates_body({ forum: title, dates, zone: zoneLabel(forum.host_timezone, locale, new Date(`${option.starts_on}T12:00:00Z`)), group: group.name[locale], url }, { locale })
			},
			now,
			hostname
		);
	}
	return written.size;
}

/**
 * Closes the poll and picks an option (coordinators): the forum's dates become the option's, and
 * every person of the group's organisations with an e-mail is told, in their language, through the
 * outbox, in the same transaction. A poll may be closed before its closing time.
 */
export async function closeDatePoll(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	optionId: string,
	mail: MailOptions
): Promise<Result<{ emailed: number }, 'NOT_FOUND' | 'POLL_NOT_OPEN' | 'POLL_CLOSED' | 'INVALID_FIELD'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	const { group, forum } = found.value;
	return context.db.transaction().execute(async (transaction) => {
		const existing = await repository.findDatePollOfForum(transaction, forum.id);
		if (!existing) return fail('NOT_FOUND');
		const poll = (await repository.lockDatePoll(transaction, existing.id))!;
		if (poll.status === 'draft') return fail('POLL_NOT_OPEN');
		if (poll.status === 'closed') return fail('POLL_CLOSED');
		const option = (await repository.listDatePollOptions(transaction, poll.id)).find((candidate) => candidate.id === optionId);
		if (!option) return fail('INVALID_FIELD', 'optionId');
		const now = context.clock();
		await repository.updateDatePoll(transaction, poll.id, {
			status: 'closed',
			closed_at: now.toISOString(),
			closed_by_user_id: actor.kind === 'user' ? actor.userId : null,
			chosen_option_id: option.id,
			updated_at: now.toISOString()
		});
		await updateForum(transaction, forum.id, { starts_on: option.starts_on, ends_on: option.ends_on, updated_at: now.toISOString() });
		return ok({ emailed: await announceDates(transaction, group, forum, option, now, mail) });
	});
}

