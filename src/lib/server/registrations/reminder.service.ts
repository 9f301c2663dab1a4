/**
 * Reminders and personal links (issue 5 §5–6). Automatic reminders go to organisations that have
 * not answered, N days before the deadline per the forum's schedule, each once: the
 * (forum, organisation, days) row is inserted first, in the transaction that queues the e-mails,
 * so two server processes on one PostgreSQL database never both send it. None after the deadline,
 * none to those who answered.
 */
import { authorize, type Actor, type LinkGuest } from '../auth/policy';
import { digestToken } from '../auth/secret-token';
import type { ServiceContext } from '../shared/context';
import { DAY } from '../shared/clock';
import { isId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { createPersonalLink, sendPersonalLinkEmail, sendReminderEmails, type MailOptions } from './registration-mail';
import { isBeforeDeadline, loadForum, personNameOf, rowToRound, type ForumOfRegistration } from './registration-forum';
import * as repository from './registration.repository';

/**
 * The reminder step due at `now`: the smallest number of days whose moment (deadline − days) has
 * come, so that a server started late sends the latest reminder only, not every missed one. Null
 * before the first step and from the deadline on. Pure.
 */
export function dueReminderStep(deadlineAt: string, reminderDays: number[], now: Date): number | null {
	const deadline = new Date(deadlineAt).getTime();
	if (now.getTime() >= deadline) return null;
	const due = reminderDays.filter((days) => deadline - days * DAY <= now.getTime());
	return due.length > 0 ? Math.min(...due) : null;
}

export interface ReminderReport {
	organisations: number;
	messages: number;
}

/**
 * Sends every reminder due at `now` (the periodic job of the server process calls it). Safe to
 * run in several processes at once: the reminder's row decides who sends.
 */
export async function sendDueReminders(context: ServiceContext, now: Date, mail: MailOptions): Promise<ReminderReport> {
	const report: ReminderReport = { organisations: 0, messages: 0 };
	for (const row of await repository.listRoundsBefore(context.db, now.toISOString())) {
		const round = rowToRound(row);
		const step = dueReminderStep(round.deadlineAt, round.reminderDays, now);
		if (step === null) continue;
		const loaded = await loadForum(context.db, row.group_slug, Number(row.number));
		if (!loaded.ok) continue;
		const forum = loaded.value.forum;
		for (const organisation of await unansweredMembers(context, forum)) {
			const messages = await context.db.transaction().execute(async (transaction) => {
				if (!(await repository.insertReminderOnce(transaction, { forum_id: forum.id, organisation_id: organisation.id, days_before: step, sent_at: now.toISOString() }))) return -1;
				const people = await repository.listPeopleOfOrganisations(transaction, [organisation.id]);
				return sendReminderEmails(transaction, context.secret, { forum, round, organisation, people, now, mail });
			});
			if (messages < 0) continue;
			report.organisations++;
			report.messages += messages;
		}
	}
	return report;
}

/** The group's active member organisations that have no registration for the forum yet. */
async function unansweredMembers(context: ServiceContext, forum: ForumOfRegistration) {
	const answered = new Set((await repository.listRegistrationsOfForum(context.db, forum.id)).map((registration) => registration.organisation_id));
	return (await repository.listActiveOrganisationsOfGroup(context.db, forum.group.id)).filter((organisation) => organisation.capacity === 'member' && !answered.has(organisation.id));
}

/** The forum whose registrations a coordinator acts on: refused unless they are open and before the deadline. */
async function loadOpenRound(context: ServiceContext, actor: Actor, groupSlug: string, forumNumber: number) {
	const loaded = await loadForum(context.db, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum, round } = loaded.value;
	const denied = authorize(actor, 'group.manage', forum.group.id);
	if (denied) return denied;
	if (!round) return fail('NOT_OPEN');
	const now = context.clock();
	if (!isBeforeDeadline(round.deadlineAt, now)) return fail('DEADLINE_PASSED');
	return ok({ forum, round, now });
}

/**
 * The dashboard's one-click reminder (coordinators): to one organisation that has not answered,
 * or to all of them (`organisationId` null). Before the deadline only.
 */
export async function remindOrganisations(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	organisationId: string | null,
	mail: MailOptions
): Promise<Result<ReminderReport, 'NOT_FOUND' | 'NOT_OPEN' | 'DEADLINE_PASSED' | 'ALREADY_ANSWERED'>> {
	const open = await loadOpenRound(context, actor, groupSlug, forumNumber);
	if (!open.ok) return open;
	const { forum, round, now } = open.value;
	const unanswered = await unansweredMembers(context, forum);
	let targets = unanswered;
	if (organisationId) {
		targets = unanswered.filter((organisation) => organisation.id === organisationId);
		if (targets.length === 0) {
			const known = (await repository.listActiveOrganisationsOfGroup(context.db, forum.group.id)).some((organisation) => organisation.id === organisationId);
			return fail(known ? 'ALREADY_ANSWERED' : 'NOT_FOUND');
		}
	}
	const report: ReminderReport = { organisations: 0, messages: 0 };
	await context.db.transaction().execute(async (transaction) => {
		for (const organisation of targets) {
			const people = await repository.listPeopleOfOrganisations(transaction, [organisation.id]);
			report.messages += await sendReminderEmails(transaction, context.secret, { forum, round, organisation, people, now, mail });
			report.organisations++;
		}
	});
	return ok(report);
}

/**
 * Sends a person of a member organisation a personal link to fill its registration (coordinators).
 * The link is valid until the deadline; a person without an address cannot get one.
 */
export async function sendPersonalLink(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	personId: string,
	mail: MailOptions
): Promise<Result<{ to: string; expiresAt: string }, 'NOT_FOUND' | 'NOT_OPEN' | 'DEADLINE_PASSED' | 'NO_EMAIL'>> {
	const open = await loadOpenRound(context, actor, groupSlug, forumNumber);
	if (!open.ok) return open;
	const { forum, round, now } = open.value;
	const person = isId(personId) ? await repository.findPerson(context.db, personId) : undefined;
	const organisations = await repository.listActiveOrganisationsOfGroup(context.db, forum.group.id);
	const organisation = organisations.find((row) => row.id === person?.organisation_id);
	if (!person || !organisation) return fail('NOT_FOUND');
	if (!person.email) return fail('NO_EMAIL', 'personId');
	const to = person.email;
	await context.db.transaction().execute(async (transaction) => {
		const token = await createPersonalLink(transaction, context.secret, { personId: person.id, organisationId: organisation.id, forumId: forum.id, expiresAt: round.deadlineAt, now });
		await sendPersonalLinkEmail(transaction, { to, locale: person.preferred_language, name: personNameOf(person), token, forum, round, organisation, now, mail });
	});
	return ok({ to, expiresAt: round.deadlineAt });
}

export interface OpenedLink {
	guest: LinkGuest;
	groupSlug: string;
	forumNumber: number;
	personName: string;
	expiresAt: string;
}

/**
 * What a personal link opens: the guest it stands for, or NOT_FOUND (unknown token) or EXPIRED.
 * The token is compared by its HMAC only.
 */
export async function openPersonalLink(context: ServiceContext, token: string): Promise<Result<OpenedLink, 'NOT_FOUND' | 'EXPIRED'>> {
	// 32 random bytes in base64url are 43 characters; anything else was never issued.
	if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return fail('NOT_FOUND');
	const link = await repository.findPersonalLinkByDigest(context.db, digestToken(context.secret, token));
	if (!link) return fail('NOT_FOUND');
	const now = context.clock();
	if (now.toISOString() >= link.expires_at) return fail('EXPIRED');
	const forum = await repository.findForumWithGroup(context.db, link.forum_id);
	const person = await repository.findPerson(context.db, link.person_id);
	if (!forum || !person) return fail('NOT_FOUND');
	await repository.touchPersonalLink(context.db, link.id, now.toISOString());
	return ok({
		guest: { kind: 'link-guest', personId: person.id, organisationId: link.organisation_id, groupId: forum.group_id, forumId: link.forum_id },
		groupSlug: forum.slug,
		forumNumber: Number(forum.number),
		personName: personNameOf(person),
		expiresAt: link.expires_at
	});
}
