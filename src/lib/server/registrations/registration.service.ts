/**
 * Registrations of interest (issue 5 §5): the coordinator opens them with a deadline; each
 * organisation says whether it is interested, who its delegation is (people of the directory or
 * new ones), who heads it, what each delegate would rather visit, its needs and expectations.
 * Members edit until the deadline (the server refuses after it); coordinators still can, and every
 * save is in the change log. Two saves from the same version: the second is a conflict, shown both
 * versions, and loses nothing.
 */
import type { Locale } from '../../paraglide/runtime.js';
import { FORUM_STATUSES } from '../forums/forum.table';
import { zonedToUtc, utcToZonedFields } from '../../format/time-zones';
import { authorize, authorizeRegistration, can, type Actor, type LinkGuest } from '../auth/policy';
import { isUniqueViolation } from '../db/constraint-errors';
import type { Executor } from '../db/database';
import { recordChange } from '../directory/change-log';
import { insertPerson } from '../directory/directory.repository';
import { normalizeName } from '../directory/name-normalization';
import type { ServiceContext } from '../shared/context';
import { isId, newId } from '../shared/identifier';
import { fail, ok, type Failure, type Result } from '../shared/result';
import { sendRegistrationConfirmation, type MailOptions } from './registration-mail';
import { isBeforeDeadline, listPreferenceOptions, loadForum, organisationNameIn, personNameOf, type ForumOfRegistration, type PreferenceOption, type RegistrationRound } from './registration-forum';
import * as repository from './registration.repository';
import { readRegistration, type RegistrationView } from './registration-view';
import { DEFAULT_REMINDER_DAYS, preferenceValue, type RegistrationInput, type RegistrationRoundInput } from './registration.schema';
import type { Interest } from './registration.table';

export type { MailOptions, RegistrationView };

/** The deadline form's values: the current deadline read in its zone, or 23:59 Paris time and 7, 2 days. */
export function roundFormValues(round: RegistrationRound | null): Record<string, string> {
	if (!round) return { deadlineDate: '', deadlineTime: '23:59', deadlineTimezone: 'Europe/Paris', reminderDays: DEFAULT_REMINDER_DAYS.join(', ') };
	const local = utcToZonedFields(round.deadlineAt, round.deadlineTimezone);
	return { deadlineDate: local.date, deadlineTime: local.time, deadlineTimezone: round.deadlineTimezone, reminderDays: round.reminderDays.join(', ') };
}

/**
 * Opens a forum's registrations of interest, or moves their deadline (coordinators). The deadline
 * is a day and a time read in the chosen zone; one already past is refused. The forum moves on to
 * 'registrations-open' when it was at an earlier step.
 */
export async function openRegistrations(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: number,
	input: RegistrationRoundInput
): Promise<Result<{ deadlineAt: string }, 'NOT_FOUND' | 'DEADLINE_IN_PAST'>> {
	const loaded = await loadForum(context.db, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum } = loaded.value;
	const denied = authorize(actor, 'group.manage', forum.group.id);
	if (denied) return denied;
	const now = context.clock();
	const deadline = zonedToUtc(input.deadlineDate, input.deadlineTime, input.deadlineTimezone);
	if (deadline.getTime() <= now.getTime()) return fail('DEADLINE_IN_PAST', 'deadlineDate');
	await context.db.transaction().execute(async (transaction) => {
		await repository.saveRound(transaction, {
			forum_id: forum.id,
			deadline_at: deadline.toISOString(),
			deadline_timezone: input.deadlineTimezone,
			reminder_days: JSON.stringify(input.reminderDays),
			opened_at: now.toISOString(),
			updated_at: now.toISOString()
		});
		const at = FORUM_STATUSES.indexOf(forum.status as (typeof FORUM_STATUSES)[number]);
		if (at < FORUM_STATUSES.indexOf('registrations-open')) await repository.setForumStatus(transaction, forum.id, 'registrations-open', now.toISOString());
	});
	return ok({ deadlineAt: deadline.toISOString() });
}

export interface RegistrationPage {
	forum: ForumOfRegistration;
	round: RegistrationRound | null;
	organisation: { id: string; name: Record<Locale, string> };
	/** The organisation's people in the directory: who can be picked as delegates. */
	people: { id: string; name: string; email: string | null }[];
	registration: RegistrationView | null;
	options: PreferenceOption[];
	/** Before the deadline, or a coordinator. */
	canEdit: boolean;
	deadlinePassed: boolean;
	isCoordinator: boolean;
	now: string;
}

type RegistrationTarget = { kind: 'page'; forum: ForumOfRegistration; round: RegistrationRound | null; organisation: NonNullable<Awaited<ReturnType<typeof repository.findOrganisation>>> };

/** The forum, and the organisation whose registration it is, if the actor may fill it. */
async function loadTarget(context: ServiceContext, who: Actor | LinkGuest, groupSlug: string, forumNumber: number, organisationId: string | null) {
	const loaded = await loadForum(context.db, groupSlug, forumNumber);
	if (!loaded.ok) return loaded;
	const { forum, round } = loaded.value;
	if (who.kind === 'anonymous') return fail('UNAUTHENTICATED');
	const chosen = organisationId ?? (who.kind === 'link-guest' ? who.organisationId : (who.organisationId ?? null));
	if (!chosen) {
		// A coordinator without an organisation of their own picks one on the dashboard.
		if (who.kind === 'user' && can(who, 'group.manage', forum.group.id)) return fail('CHOOSE_ORGANISATION');
		return (who.kind === 'user' && authorize(who, 'group.contribute', forum.group.id)) || fail('FORBIDDEN');
	}
	const denied = authorizeRegistration(who, { groupId: forum.group.id, forumId: forum.id, organisationId: chosen });
	if (denied) return denied;
	const organisation = isId(chosen) ? await repository.findOrganisation(context.db, chosen) : undefined;
	const inGroup = (await repository.listActiveOrganisationsOfGroup(context.db, forum.group.id)).some((row) => row.id === chosen);
	if (!organisation || !inGroup) return fail('NOT_FOUND');
	return ok<RegistrationTarget>({ kind: 'page', forum, round, organisation });
}

const isCoordinatorOf = (who: Actor | LinkGuest, groupId: string) => who.kind === 'user' && can(who, 'group.manage', groupId);

/**
 * An organisation's registration page: the current answer, the people who can be delegates, the
 * choices of visits. Members get their own organisation; coordinators name one (`organisationId`).
 */
export async function getRegistrationPage(
	context: ServiceContext,
	who: Actor | LinkGuest,
	groupSlug: string,
	forumNumber: number,
	organisationId: string | null
): Promise<Result<RegistrationPage, 'NOT_FOUND' | 'CHOOSE_ORGANISATION'>> {
	const target = await loadTarget(context, who, groupSlug, forumNumber, organisationId);
	if (!target.ok) return target;
	const { forum, round, organisation } = target.value;
	const now = context.clock();
	const isCoordinator = isCoordinatorOf(who, forum.group.id);
	const deadlinePassed = round ? !isBeforeDeadline(round.deadlineAt, now) : false;
	const people = await repository.listPeopleOfOrganisations(context.db, [organisation.id]);
	return ok({
		forum,
		round,
		organisation: { id: organisation.id, name: { fr: organisationNameIn(organisation, 'fr'), ko: organisationNameIn(organisation, 'ko'), en: organisationNameIn(organisation, 'en') } },
		people: people.map((person) => ({ id: person.id, name: personNameOf(person), email: person.email })),
		registration: await readRegistration(context.db, forum.id, organisation.id),
		options: await listPreferenceOptions(context.db, forum.id),
		canEdit: round !== null && (!deadlinePassed || isCoordinator),
		deadlinePassed,
		isCoordinator,
		now: now.toISOString()
	});
}

export type ConflictFailure = { ok: false; reason: 'CONFLICT'; stored: RegistrationView | null };

class SaveConflict extends Error {}
class EmailTaken extends Error {
	constructor(readonly field: string) {
		super('email taken');
	}
}

/**
 * Saves an organisation's registration (issue 5 §5). Refused at or after the deadline unless the
 * actor coordinates the group (then the change log says it was after the deadline). New people
 * are added to the organisation in the directory (a new address already held by one of the
 * organisation's people picks that person). The save names the version it was read at: when
 * another save came first, nothing is written and the stored version is returned (CONFLICT).
 * After each save, a summary goes to whoever saved and to the head of delegation.
 */
export async function saveRegistration(
	context: ServiceContext,
	who: Actor | LinkGuest,
	groupSlug: string,
	forumNumber: number,
	organisationId: string | null,
	input: RegistrationInput,
	mail: MailOptions
): Promise<Result<{ version: number; emailed: number }, 'NOT_FOUND' | 'CHOOSE_ORGANISATION' | 'NOT_OPEN' | 'DEADLINE_PASSED' | 'INVALID_FIELD' | 'EMAIL_TAKEN'> | ConflictFailure> {
	const target = await loadTarget(context, who, groupSlug, forumNumber, organisationId);
	if (!target.ok) return target;
	const { forum, round, organisation } = target.value;
	if (!round) return fail('NOT_OPEN');
	const now = context.clock();
	const isCoordinator = isCoordinatorOf(who, forum.group.id);
	const afterDeadline = !isBeforeDeadline(round.deadlineAt, now);
	if (afterDeadline && !isCoordinator) return fail('DEADLINE_PASSED');

	const people = await repository.listPeopleOfOrganisations(context.db, [organisation.id]);
	const ofOrganisation = new Map(people.map((person) => [person.id, person]));
	const byEmail = new Map(people.filter((person) => person.email).map((person) => [person.email!.toLowerCase(), person]));
	const options = new Set((await listPreferenceOptions(context.db, forum.id)).map((option) => option.value));
	for (const delegate of input.delegates) {
		if (delegate.personId && !ofOrganisation.has(delegate.personId)) return fail('INVALID_FIELD', `delegate-${delegate.personId}`);
		for (const [index, preference] of delegate.preferences.entries()) {
			if (!options.has(preferenceValue(preference))) return fail('INVALID_FIELD', `pref-${delegate.key}-${index + 1}`);
		}
	}

	const before = await readRegistration(context.db, forum.id, organisation.id);
	const userId = who.kind === 'user' ? who.userId : null;
	try {
		const saved = await context.db.transaction().execute(async (transaction) => {
			const stamp = now.toISOString();
			// New people first, then the versioned write: a conflicting save throws there and the
			// whole transaction, people included, is rolled back.
			const resolved: { delegate: (typeof input.delegates)[number]; personId: string }[] = [];
			for (const delegate of input.delegates) {
				let personId = delegate.personId;
				if (!personId && delegate.newPerson) {
					const known = delegate.newPerson.email ? byEmail.get(delegate.newPerson.email) : undefined;
					personId = known?.id ?? (await addPersonToDirectory(transaction, delegate.newPerson, organisation.id, userId, stamp, delegate.key));
				}
				if (personId && !resolved.some((entry) => entry.personId === personId)) resolved.push({ delegate, personId });
			}
			const headPersonId = resolved.find((entry) => entry.delegate.key === input.headKey)?.personId ?? null;
			const fields = { interest: input.interest, head_person_id: headPersonId, needs_interpretation: input.needsInterpretation ? 1 : 0, needs_diet: input.needsDiet, needs_access: input.needsAccess, expectations: input.expectations, updated_at: stamp };
			let registrationId: string;
			let version: number;
			if (!before) {
				if (input.version !== 0) throw new SaveConflict();
				registrationId = newId();
				version = 1;
				if (!(await repository.insertRegistration(transaction, { id: registrationId, forum_id: forum.id, organisation_id: organisation.id, ...fields, version, created_at: stamp }))) throw new SaveConflict();
			} else {
				registrationId = before.id;
				version = input.version + 1;
				if (!(await repository.updateRegistrationAtVersion(transaction, before.id, input.version, fields))) throw new SaveConflict();
			}
			await repository.replaceDelegates(
				transaction,
				registrationId,
				resolved.map(({ delegate, personId }, position) => ({
					row: { id: newId(), registration_id: registrationId, person_id: personId, position: position + 1 },
					preferences: delegate.preferences.map((preference, rank) => ({ rank: rank + 1, theme_key: preference.kind === 'theme' ? preference.key : null, programme_item_id: preference.kind === 'visit' ? preference.id : null }))
				}))
			);
			await recordChange(transaction, {
				entity_type: 'registration',
				entity_id: registrationId,
				user_id: userId,
				at: stamp,
				action: before ? 'update' : 'create',
				changes: {
					forumId: forum.id,
					organisationId: organisation.id,
					interest: before ? [before.interest, input.interest] : input.interest,
					delegates: resolved.length,
					...(afterDeadline ? { afterDeadline: true } : {}),
					...(who.kind === 'link-guest' ? { personalLinkOf: who.personId } : {})
				}
			});
			const emailed = await sendRegistrationConfirmation(transaction, { forum, round, organisation, registrationId, savedBy: who, now, mail });
			return { version, emailed };
		});
		return ok(saved);
	} catch (error) {
		if (error instanceof SaveConflict) return { ok: false, reason: 'CONFLICT', stored: await readRegistration(context.db, forum.id, organisation.id) };
		if (error instanceof EmailTaken) return fail('EMAIL_TAKEN', error.field);
		throw error;
	}
}

/** A new delegate enters the directory as a person of their organisation, with its change-log entry. */
async function addPersonToDirectory(
	db: Parameters<typeof insertPerson>[0],
	person: { givenName: string; familyName: string; email: string | null },
	organisationId: string,
	userId: string | null,
	now: string,
	rowKey: string
): Promise<string> {
	const id = newId();
	try {
		await insertPerson(db, {
			id,
			given_name: person.givenName,
			family_name: person.familyName,
			// Hangul in the family name: a Korean name, written family name first.
			name_order: /[\uac00-\ud7a3]/.test(person.familyName) ? 'family-first' : 'given-first',
			email: person.email,
			phone: null,
			organisation_id: organisationId,
			preferred_language: 'fr',
			public_listing_consent: 0,
			created_at: now
		});
	} catch (error) {
		// The address belongs to a person of another organisation (person_email_unique).
		if (isUniqueViolation(error)) throw new EmailTaken(`${rowKey}-email`);
		throw error;
	}
	await recordChange(db, { entity_type: 'person', entity_id: id, user_id: userId, at: now, action: 'create', changes: { name: `${person.givenName} ${person.familyName}`, organisationId, source: 'registration', normalized: normalizeName(person.familyName) } });
	return id;
}

/**
 * The form's values after a conflict: what the person typed, with the version now stored (so that
 * saving again is a deliberate choice) and every delegate of the stored version they did not have,
 * ticked with their preferences: no delegate is lost by saving the merged form.
 */
export function mergeConflictValues(typed: Record<string, string>, stored: RegistrationView | null): Record<string, string> {
	const merged: Record<string, string> = { ...typed, version: String(stored?.version ?? 0) };
	for (const delegate of stored?.delegates ?? []) {
		if (merged[`delegate-${delegate.personId}`] === 'on') continue;
		merged[`delegate-${delegate.personId}`] = 'on';
		delegate.preferences.forEach((value, index) => (merged[`pref-${delegate.personId}-${index + 1}`] = value));
	}
	if (!merged.head && stored?.headPersonId) merged.head = stored.headPersonId;
	return merged;
}

/** Failures that are not a conflict: what `saveRegistration` returns besides it. */
export type SaveFailure = Exclude<Awaited<ReturnType<typeof saveRegistration>>, { ok: true } | ConflictFailure> & Failure<string>;
