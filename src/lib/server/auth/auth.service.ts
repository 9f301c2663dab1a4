/**
 * Accounts and signing in: magic links, passwords, invitations, sessions.
 * Sign-in e-mails go through the outbox in the same transaction as the token they carry.
 */
import { m } from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { isUniqueViolation } from '../db/constraint-errors';
import { findGroupById } from '../directory/directory.repository';
import { enqueueEmail } from '../mail/outbox';
import { DAY, isoAfter, MINUTE } from '../shared/clock';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import * as repository from './auth.repository';
import { decoyDigest, hashPassword, verifyPassword } from './password';
import { authorize, strongerRole, type Actor, type GroupRole } from './policy';
import {
	isOverLimit,
	MAGIC_LINK_PER_EMAIL,
	MAGIC_LINK_PER_IP,
	PASSWORD_PER_EMAIL,
	PASSWORD_PER_IP
} from './rate-limit';
import { createSecretToken, digestToken } from './secret-token';

/** A magic link lives 15 minutes: long enough to reach a phone's mailbox, short for a stolen one. */
export const MAGIC_LINK_LIFETIME = 15 * MINUTE;
/** An invitation lives 7 days: people invited on a Friday may open it the next week. */
export const INVITATION_LIFETIME = 7 * DAY;
/** A session lives 30 days from its last renewal; it is renewed when less than half is left. */
export const SESSION_LIFETIME = 30 * DAY;

export interface SignedInUser {
	id: string;
	email: string;
	name: string;
	preferredLanguage: Locale;
	isAdministrator: boolean;
	personId: string | null;
	hasPassword: boolean;
}

export interface SessionResolution {
	user: SignedInUser;
	actor: Actor;
	/** Set when the session was renewed: the cookie must be sent again with this expiry. */
	renewedUntil?: Date;
}

function toSignedInUser(row: {
	id: string;
	email: string;
	name: string;
	preferred_language: string;
	is_administrator: number;
	person_id: string | null;
	password_hash: string | null;
}): SignedInUser {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		preferredLanguage: row.preferred_language as Locale,
		isAdministrator: Boolean(row.is_administrator),
		personId: row.person_id,
		hasPassword: row.password_hash !== null
	};
}

/** The actor for an account: administrator flag and the strongest role in each group. */
export async function loadActor(
	context: ServiceContext,
	user: SignedInUser,
	/** The person's organisation when the caller already read it (the session query does). */
	knownOrganisationId?: string | null
): Promise<Actor> {
	const roles = await repository.listGroupRoles(context.db, user.id, user.personId);
	const groupRoles: Record<string, GroupRole> = {};
	for (const { group_id, role } of roles) groupRoles[group_id] = strongerRole(groupRoles[group_id], role);
	const organisationId =
		knownOrganisationId !== undefined ? knownOrganisationId : user.personId ? await repository.findOrganisationOfPerson(context.db, user.personId) : null;
	return { kind: 'user', userId: user.id, isAdministrator: user.isAdministrator, groupRoles, organisationId };
}

/** Finds the session of a cookie token; renews it when half its life is gone. */
export async function resolveSession(context: ServiceContext, token: string): Promise<SessionResolution | null> {
	const now = context.clock();
	const digest = digestToken(context.secret, token);
	const row = await repository.findLiveSession(context.db, digest, now.toISOString());
	if (!row) return null;
	const user = toSignedInUser(row);
	const actor = await loadActor(context, user, row.organisation_id);
	let renewedUntil: Date | undefined;
	if (Date.parse(row.expires_at) - now.getTime() < SESSION_LIFETIME / 2) {
		renewedUntil = new Date(now.getTime() + SESSION_LIFETIME);
		await repository.extendSession(context.db, digest, renewedUntil.toISOString());
	}
	return { user, actor, renewedUntil };
}

async function startSession(context: ServiceContext, db: Parameters<typeof repository.insertSession>[0], userId: string) {
	const now = context.clock();
	const token = createSecretToken();
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME);
	await repository.insertSession(db, {
		id: digestToken(context.secret, token),
		user_id: userId,
		created_at: now.toISOString(),
		expires_at: expiresAt.toISOString()
	});
	return { token, expiresAt };
}

export interface NewSession {
	token: string;
	expiresAt: Date;
	user: SignedInUser;
	redirectTo: string | null;
}

/**
 * Sends a sign-in link if the address belongs to an account. The answer is the same whether it
 * does or not, so the form cannot be used to find out who has an account.
 */
export async function requestMagicLink(
	context: ServiceContext,
	input: { email: string; clientAddress: string; origin: string; locale: Locale; redirectTo: string | null }
): Promise<{ ok: true } | { ok: false; reason: 'RATE_LIMITED' }> {
	const now = context.clock();
	const limited = await isOverLimit(context.db, context.secret, now, [
		{ rule: MAGIC_LINK_PER_EMAIL, key: input.email },
		{ rule: MAGIC_LINK_PER_IP, key: input.clientAddress }
	]);
	if (limited) return { ok: false, reason: 'RATE_LIMITED' };
	const user = await repository.findUserByEmail(context.db, input.email);
	if (!user) return { ok: true };
	const token = createSecretToken();
	const locale = user.preferred_language ?? input.locale;
	const url = `${input.origin}/${locale}/auth/link?token=${token}`;
	await context.db.transaction().execute(async (transaction) => {
		await repository.insertLoginToken(transaction, {
			token_digest: digestToken(context.secret, token),
			purpose: 'magic-link',
			user_id: user.id,
			created_at: now.toISOString(),
			expires_at: isoAfter(now, MAGIC_LINK_LIFETIME),
			redirect_to: input.redirectTo
		});
		await enqueueEmail(
			transaction,
			{
				to: user.email,
				subject: m.email_magic_link_subject({}, { locale }),
				text: m.email_magic_link_body({ url, minutes: MAGIC_LINK_LIFETIME / MINUTE }, { locale })
			},
			now,
			new URL(input.origin).hostname
		);
	});
	return { ok: true };
}

/** Uses a magic link (once, before it expires) and opens a session. */
export async function signInWithMagicLink(
	context: ServiceContext,
	token: string
): Promise<{ ok: true; value: NewSession } | { ok: false; reason: 'INVALID_LINK' }> {
	const now = context.clock();
	return context.db.transaction().execute(async (transaction) => {
		const used = await repository.consumeLoginToken(transaction, digestToken(context.secret, token), 'magic-link', now.toISOString());
		if (!used) return { ok: false as const, reason: 'INVALID_LINK' as const };
		const user = await repository.findUserById(transaction, used.user_id);
		if (!user) return { ok: false as const, reason: 'INVALID_LINK' as const };
		if (!user.email_verified_at) await repository.updateUser(transaction, user.id, { email_verified_at: now.toISOString() });
		const session = await startSession(context, transaction, user.id);
		return { ok: true as const, value: { ...session, user: toSignedInUser(user), redirectTo: used.redirect_to } };
	});
}

/** Checks an e-mail and password; the same slow answer whether the account exists or not. */
export async function signInWithPassword(
	context: ServiceContext,
	input: { email: string; password: string; clientAddress: string }
): Promise<{ ok: true; value: NewSession } | { ok: false; reason: 'RATE_LIMITED' | 'INVALID_CREDENTIALS' }> {
	const now = context.clock();
	const limited = await isOverLimit(context.db, context.secret, now, [
		{ rule: PASSWORD_PER_EMAIL, key: input.email },
		{ rule: PASSWORD_PER_IP, key: input.clientAddress }
	]);
	if (limited) return { ok: false, reason: 'RATE_LIMITED' };
	const user = await repository.findUserByEmail(context.db, input.email);
	const matches = await verifyPassword(input.password, user?.password_hash ?? (await decoyDigest()));
	if (!user || !user.password_hash || !matches) return { ok: false, reason: 'INVALID_CREDENTIALS' };
	const session = await startSession(context, context.db, user.id);
	return { ok: true, value: { ...session, user: toSignedInUser(user), redirectTo: null } };
}

export async function signOut(context: ServiceContext, token: string): Promise<void> {
	await repository.deleteSession(context.db, digestToken(context.secret, token));
}

/** Changes one's own name and language. */
export async function updateProfile(
	context: ServiceContext,
	actor: Actor,
	input: { name: string; preferredLanguage: Locale }
): Promise<Result<void>> {
	const denied = authorize(actor, 'account.manage');
	if (denied || actor.kind !== 'user') return denied ?? fail('UNAUTHENTICATED');
	await repository.updateUser(context.db, actor.userId, { name: input.name, preferred_language: input.preferredLanguage });
	return ok(undefined);
}

/**
 * Sets a new password. The current one is required when there is one; other sessions of the
 * account are closed, as anyone who knew the old password may hold one.
 */
export async function changePassword(
	context: ServiceContext,
	actor: Actor,
	sessionToken: string,
	input: { currentPassword: string; newPassword: string }
): Promise<Result<void, 'WRONG_PASSWORD'>> {
	const denied = authorize(actor, 'account.manage');
	if (denied || actor.kind !== 'user') return denied ?? fail('UNAUTHENTICATED');
	const user = await repository.findUserById(context.db, actor.userId);
	if (!user) return fail('UNAUTHENTICATED');
	if (user.password_hash && !(await verifyPassword(input.currentPassword, user.password_hash))) {
		return fail('WRONG_PASSWORD', 'currentPassword');
	}
	const passwordHash = await hashPassword(input.newPassword);
	await context.db.transaction().execute(async (transaction) => {
		await repository.updateUser(transaction, user.id, { password_hash: passwordHash });
		await repository.deleteSessionsOfUserExcept(transaction, user.id, digestToken(context.secret, sessionToken));
	});
	return ok(undefined);
}

/**
 * An administrator invites a person: the account, an optional role in a group, the invitation
 * token and its e-mail are written together or not at all.
 */
export async function inviteUser(
	context: ServiceContext,
	actor: Actor,
	input: {
		email: string;
		name: string;
		preferredLanguage: Locale;
		groupId: string | null;
		role: GroupRole | null;
		origin: string;
		inviterName: string;
	}
): Promise<Result<{ userId: string }, 'EMAIL_TAKEN' | 'UNKNOWN_GROUP'>> {
	const denied = authorize(actor, 'account.invite');
	if (denied) return denied;
	const now = context.clock();
	const token = createSecretToken();
	const locale = input.preferredLanguage;
	const url = `${input.origin}/${locale}/auth/invitation?token=${token}`;
	const userId = newId();
	try {
		return await context.db.transaction().execute(async (transaction) => {
			if (await repository.findUserByEmail(transaction, input.email)) return fail('EMAIL_TAKEN', 'email');
			await repository.insertUser(transaction, {
				id: userId,
				email: input.email,
				name: input.name,
				preferred_language: locale,
				password_hash: null,
				is_administrator: 0,
				person_id: null,
				created_at: now.toISOString(),
				email_verified_at: null
			});
			if (input.groupId && input.role) {
				if (!(await findGroupById(transaction, input.groupId))) throw new UnknownGroup();
				await repository.setGroupRole(transaction, userId, input.groupId, input.role);
			}
			await repository.insertLoginToken(transaction, {
				token_digest: digestToken(context.secret, token),
				purpose: 'invitation',
				user_id: userId,
				created_at: now.toISOString(),
				expires_at: isoAfter(now, INVITATION_LIFETIME),
				redirect_to: null
			});
			await enqueueEmail(
				transaction,
				{
					to: input.email,
					subject: m.email_invitation_subject({ inviter: input.inviterName }, { locale }),
					text: m.email_invitation_body(
						{ inviter: input.inviterName, url, days: INVITATION_LIFETIME / DAY },
						{ locale }
					)
				},
				now,
				new URL(input.origin).hostname
			);
			return ok({ userId });
		});
	} catch (error) {
		if (error instanceof UnknownGroup) return fail('UNKNOWN_GROUP', 'groupId');
		// Two administrators inviting the same address at once: the unique index decides.
		if (isUniqueViolation(error)) return fail('EMAIL_TAKEN', 'email');
		throw error;
	}
}

class UnknownGroup extends Error {}

/** The invitation behind a link, if it can still be used (to show the form with the address). */
export async function findInvitation(
	context: ServiceContext,
	token: string
): Promise<{ email: string; name: string; preferredLanguage: Locale } | null> {
	const found = await repository.findUsableLoginToken(
		context.db,
		digestToken(context.secret, token),
		'invitation',
		context.clock().toISOString()
	);
	if (!found) return null;
	const user = await repository.findUserById(context.db, found.user_id);
	return user ? { email: user.email, name: user.name, preferredLanguage: user.preferred_language } : null;
}

/** Accepts an invitation: name, language, optional password, a session; all or nothing. */
export async function acceptInvitation(
	context: ServiceContext,
	token: string,
	input: { name: string; preferredLanguage: Locale; password: string }
): Promise<{ ok: true; value: NewSession } | { ok: false; reason: 'INVALID_LINK' }> {
	const now = context.clock();
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	return context.db.transaction().execute(async (transaction) => {
		const used = await repository.consumeLoginToken(transaction, digestToken(context.secret, token), 'invitation', now.toISOString());
		if (!used) return { ok: false as const, reason: 'INVALID_LINK' as const };
		await repository.updateUser(transaction, used.user_id, {
			name: input.name,
			preferred_language: input.preferredLanguage,
			email_verified_at: now.toISOString(),
			...(passwordHash ? { password_hash: passwordHash } : {})
		});
		const user = await repository.findUserById(transaction, used.user_id);
		if (!user) return { ok: false as const, reason: 'INVALID_LINK' as const };
		const session = await startSession(context, transaction, user.id);
		return { ok: true as const, value: { ...session, user: toSignedInUser(user), redirectTo: null } };
	});
}

export interface AccountSummary {
	id: string;
	email: string;
	name: string;
	preferredLanguage: Locale;
	isAdministrator: boolean;
	hasSignedIn: boolean;
	createdAt: string;
}

/** Every account, for administrators. */
export async function listAccounts(context: ServiceContext, actor: Actor): Promise<Result<AccountSummary[]>> {
	const denied = authorize(actor, 'platform.administer');
	if (denied) return denied;
	const rows = await repository.listUsers(context.db);
	return ok(
		rows.map((row) => ({
			id: row.id,
			email: row.email,
			name: row.name,
			preferredLanguage: row.preferred_language,
			isAdministrator: Boolean(row.is_administrator),
			hasSignedIn: row.email_verified_at !== null,
			createdAt: row.created_at
		}))
	);
}

/**
 * Creates (or promotes) an administrator account, for the command line. Not a user action: the
 * person at the server's console is trusted.
 */
export async function createAdministrator(
	context: ServiceContext,
	input: { email: string; name: string; password: string | null }
): Promise<{ created: boolean }> {
	const now = context.clock();
	const existing = await repository.findUserByEmail(context.db, input.email);
	const passwordHash = input.password ? await hashPassword(input.password) : null;
	if (existing) {
		await repository.updateUser(context.db, existing.id, {
			is_administrator: 1,
			...(passwordHash ? { password_hash: passwordHash } : {})
		});
		return { created: false };
	}
	await repository.insertUser(context.db, {
		id: newId(),
		email: input.email,
		name: input.name,
		preferred_language: 'fr',
		password_hash: passwordHash,
		is_administrator: 1,
		person_id: null,
		created_at: now.toISOString(),
		email_verified_at: null
	});
	return { created: true };
}

/** Removes expired sessions, tokens and old rate-limit windows. */
export async function purgeExpired(context: ServiceContext): Promise<void> {
	await repository.deleteExpired(context.db, context.clock().toISOString());
}
