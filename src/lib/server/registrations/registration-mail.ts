/**
 * The e-mails of registrations (issue 5 §5–6), each in its recipient's language and queued in the
 * transaction of the change that causes it: the confirmation with the summary after each save,
 * reminders to organisations that have not answered, personal links.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { formatInstantInZones } from '../../format/date-time';
import type { Actor, LinkGuest } from '../auth/policy';
import { createSecretToken, digestToken } from '../auth/secret-token';
import type { Executor } from '../db/database';
import { enqueueEmail } from '../mail/outbox';
import { newId } from '../shared/identifier';
import { forumTitleIn, listPreferenceOptions, organisationNameIn, type ForumOfRegistration, type RegistrationRound } from './registration-forum';
import * as repository from './registration.repository';
import { readRegistration, type RegistrationView } from './registration-view';
import type { Interest } from './registration.table';

export interface MailOptions {
	/** "https://dari.example.org": links in e-mails. */
	origin: string;
}

type OrganisationNames = { name_fr: string; name_ko: string | null; name_en: string | null };

export function interestLabel(interest: Interest, locale: Locale): string {
	if (interest === 'yes') return m.registration_interest_yes({}, { locale });
	if (interest === 'no') return m.registration_interest_no({}, { locale });
	return m.registration_interest_maybe({}, { locale });
}

export function registrationPath(locale: Locale, forum: ForumOfRegistration): string {
	return `/${locale}/groups/${forum.group.slug}/forums/${forum.number}/registration`;
}

/** The registration as plain text lines: interest, delegates (head marked) with their choices, needs, expectations. */
export async function registrationSummary(db: Executor, forumId: string, view: RegistrationView, locale: Locale): Promise<string> {
	const labels = new Map((await listPreferenceOptions(db, forumId)).map((option) => [option.value, option.label[locale]]));
	const lines: string[] = [m.registration_summary_interest({ interest: interestLabel(view.interest, locale) }, { locale })];
	lines.push(m.registration_summary_delegation({ count: view.delegates.length }, { locale }));
	for (const delegate of view.delegates) {
		const head = delegate.isHead ? ` (${m.registration_head_short({}, { locale })})` : '';
		const choices = delegate.preferences.map((value, index) => `${index + 1}. ${labels.get(value) ?? value}`).join(' ; ');
		lines.push(`- ${delegate.name}${head}${choices ? ` — ${choices}` : ''}`);
	}
	const needs = [view.needsInterpretation ? m.registration_needs_interpretation({}, { locale }) : '', view.needsDiet, view.needsAccess].filter(Boolean).join(' ; ');
	lines.push(m.registration_summary_needs({ needs: needs || '—' }, { locale }));
	if (view.expectations) lines.push(m.registration_summary_expectations({ text: view.expectations }, { locale }));
	return lines.join('\n');
}

function deadlineText(round: RegistrationRound, locale: Locale): string {
	return formatInstantInZones(round.deadlineAt, locale, round.zones);
}

/**
 * The confirmation after a save, to whoever saved (their account's or their personal link's
 * address) and to the head of delegation, once each. Returns how many were queued.
 */
export async function sendRegistrationConfirmation(
	db: Executor,
	save: { forum: ForumOfRegistration; round: RegistrationRound; organisation: OrganisationNames & { id: string }; registrationId: string; savedBy: Actor | LinkGuest; now: Date; mail: MailOptions }
): Promise<number> {
	const view = await readRegistration(db, save.forum.id, save.organisation.id);
	if (!view) return 0;
	const recipients = new Map<string, Locale>();
	if (save.savedBy.kind === 'user') {
		const account = await repository.findAccount(db, save.savedBy.userId);
		if (account?.email) recipients.set(account.email.toLowerCase(), account.preferred_language);
	} else if (save.savedBy.kind === 'link-guest') {
		const person = await repository.findPerson(db, save.savedBy.personId);
		if (person?.email) recipients.set(person.email.toLowerCase(), person.preferred_language);
	}
	if (view.headPersonId) {
		const head = await repository.findPerson(db, view.headPersonId);
		if (head?.email && !recipients.has(head.email.toLowerCase())) recipients.set(head.email.toLowerCase(), head.preferred_language);
	}
	for (const [to, locale] of recipients) {
		const forum = forumTitleIn(save.forum, locale);
		await enqueueEmail(
			db,
			{
				to,
				subject: m.registration_email_confirmation_subject({ forum }, { locale }),
				text: m.registration_email_confirmation_body(
					{
						organisation: organisationNameIn(save.organisation, locale),
						forum,
						summary: await registrationSummary(db, save.forum.id, view, locale),
						deadline: deadlineText(save.round, locale),
						url: `${save.mail.origin}${registrationPath(locale, save.forum)}`
					},
					{ locale }
				)
			},
			save.now
		);
	}
	return recipients.size;
}

/**
 * A personal link for a person without an account (issue 5 §6): a random token in the e-mail,
 * only its HMAC in the database, valid until the registration deadline.
 */
export async function createPersonalLink(db: Executor, secret: string, link: { personId: string; organisationId: string; forumId: string; expiresAt: string; now: Date }): Promise<string> {
	const token = createSecretToken();
	await repository.insertPersonalLink(db, {
		id: newId(),
		token_digest: digestToken(secret, token),
		person_id: link.personId,
		organisation_id: link.organisationId,
		forum_id: link.forumId,
		created_at: link.now.toISOString(),
		expires_at: link.expiresAt,
		last_used_at: null
	});
	return token;
}

export function personalLinkPath(locale: Locale, token: string): string {
	return `/${locale}/links/${token}`;
}

type Recipient = { id: string; email: string | null; preferred_language: Locale; user_id: string | null; account_email: string | null };

/**
 * Reminds one organisation that it has not answered: each of its people with an address (the
 * directory's, else their account's) gets the reminder in their language, once per address; those
 * without an account get a personal link instead of the page.
 */
export async function sendReminderEmails(
	db: Executor,
	secret: string,
	reminder: { forum: ForumOfRegistration; round: RegistrationRound; organisation: OrganisationNames & { id: string }; people: Recipient[]; now: Date; mail: MailOptions }
): Promise<number> {
	let sent = 0;
	const written = new Set<string>();
	for (const person of reminder.people) {
		// The directory's address, else the account's: a member who signs in is reminded too.
		const to = person.email ?? person.account_email;
		if (!to || written.has(to.toLowerCase())) continue;
		written.add(to.toLowerCase());
		const locale = person.preferred_language;
		const path = person.user_id
			? registrationPath(locale, reminder.forum)
			: personalLinkPath(locale, await createPersonalLink(db, secret, { personId: person.id, organisationId: reminder.organisation.id, forumId: reminder.forum.id, expiresAt: reminder.round.deadlineAt, now: reminder.now }));
		const forum = forumTitleIn(reminder.forum, locale);
		await enqueueEmail(
			db,
			{
				to,
				subject: m.registration_email_reminder_subject({ forum }, { locale }),
				text: m.registration_email_reminder_body(
					{ organisation: organisationNameIn(reminder.organisation, locale), forum, group: reminder.forum.group.name[locale], deadline: deadlineText(reminder.round, locale), url: `${reminder.mail.origin}${path}` },
					{ locale }
				)
			},
			reminder.now
		);
		sent++;
	}
	return sent;
}

/** The e-mail carrying a personal link a coordinator sends. */
export async function sendPersonalLinkEmail(
	db: Executor,
	link: { to: string; locale: Locale; name: string; token: string; forum: ForumOfRegistration; round: RegistrationRound; organisation: OrganisationNames; now: Date; mail: MailOptions }
): Promise<void> {
	const { locale } = link;
	const forum = forumTitleIn(link.forum, locale);
	await enqueueEmail(
		db,
		{
			to: link.to,
			subject: m.registration_email_link_subject({ forum }, { locale }),
			text: m.registration_email_link_body(
				{ name: link.name, organisation: organisationNameIn(link.organisation, locale), forum, group: link.forum.group.name[locale], deadline: deadlineText(link.round, locale), url: `${link.mail.origin}${personalLinkPath(locale, link.token)}` },
				{ locale }
			)
		},
		link.now
	);
}
