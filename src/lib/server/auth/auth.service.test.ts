import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadDemoData, DEMO_PASSWORD } from '../db/demo-data/demo-data';
import { MINUTE } from '../shared/clock';
import {
	acceptInvitation,
	changePassword,
	findInvitation,
	inviteUser,
	listAccounts,
	loadActor,
	requestMagicLink,
	resolveSession,
	signInWithMagicLink,
	signInWithPassword,
	signOut,
	updateProfile
} from './auth.service';
import { anonymous, type Actor } from './policy';

const ORIGIN = 'http://dari.example';

function tokenFrom(text: string): string {
	const match = /token=([A-Za-z0-9_-]+)/.exec(text);
	if (!match) throw new Error(`no token in ${text}`);
	return match[1];
}

describeEachDatabase('accounts and signing in', (setup) => {
	const outbox = () => setup.context.db.selectFrom('outbox').selectAll().orderBy('created_at').execute();
	let admin: Actor;

	beforeAll(async () => {
		await loadDemoData(setup.context);
		const signedIn = await signInWithPassword(setup.context, { email: 'admin@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.0.0.1' });
		if (!signedIn.ok) throw new Error('demo admin cannot sign in');
		admin = (await resolveSession(setup.context, signedIn.value.token))!.actor;
	});

	describe('magic link', () => {
		it('queues a localized e-mail with a link in the same transaction as the token', async () => {
			const before = (await outbox()).length;
			const result = await requestMagicLink(setup.context, { email: 'coordinator@demo.dari.test', clientAddress: '10.0.0.2', origin: ORIGIN, locale: 'fr', redirectTo: null });
			expect(result).toEqual({ ok: true });
			const messages = await outbox();
			expect(messages).toHaveLength(before + 1);
			const message = messages.at(-1)!;
			expect(message.to_address).toBe('coordinator@demo.dari.test');
			// The coordinator's preferred language is Korean: the e-mail and the link follow it.
			expect(message.subject).toBe('Dari 로그인 링크');
			expect(message.text_body).toContain(`${ORIGIN}/ko/auth/link?token=`);
			expect(message.status).toBe('pending');
		});

		it('answers the same for an unknown address and sends nothing', async () => {
			const before = (await outbox()).length;
			const result = await requestMagicLink(setup.context, { email: 'nobody@example.org', clientAddress: '10.0.0.3', origin: ORIGIN, locale: 'fr', redirectTo: null });
			expect(result).toEqual({ ok: true });
			expect(await outbox()).toHaveLength(before);
		});

		it('signs in once, and never again with the same link', async () => {
			await requestMagicLink(setup.context, { email: 'member@demo.dari.test', clientAddress: '10.0.0.4', origin: ORIGIN, locale: 'fr', redirectTo: '/fr/account' });
			const token = tokenFrom((await outbox()).at(-1)!.text_body);
			const first = await signInWithMagicLink(setup.context, token);
			expect(first.ok).toBe(true);
			if (!first.ok) return;
			expect(first.value.user.email).toBe('member@demo.dari.test');
			expect(first.value.redirectTo).toBe('/fr/account');
			const session = await resolveSession(setup.context, first.value.token);
			expect(session?.user.email).toBe('member@demo.dari.test');
			expect(await signInWithMagicLink(setup.context, token)).toEqual({ ok: false, reason: 'INVALID_LINK' });
		});

		it('expires after 15 minutes', async () => {
			await requestMagicLink(setup.context, { email: 'partner@demo.dari.test', clientAddress: '10.0.0.5', origin: ORIGIN, locale: 'en', redirectTo: null });
			const token = tokenFrom((await outbox()).at(-1)!.text_body);
			setup.context.clock.advance(15 * MINUTE + 1000);
			expect(await signInWithMagicLink(setup.context, token)).toEqual({ ok: false, reason: 'INVALID_LINK' });
		});

		it('rejects a made-up token', async () => {
			expect(await signInWithMagicLink(setup.context, 'not-a-token')).toEqual({ ok: false, reason: 'INVALID_LINK' });
		});

		it('is rate-limited per address: the sixth request in 15 minutes is refused', async () => {
			const request = (clientAddress: string) =>
				requestMagicLink(setup.context, { email: 'nobody-limited@example.org', clientAddress, origin: ORIGIN, locale: 'fr', redirectTo: null });
			for (let attempt = 1; attempt <= 5; attempt++) expect(await request(`10.1.0.${attempt}`)).toEqual({ ok: true });
			expect(await request('10.1.0.99')).toEqual({ ok: false, reason: 'RATE_LIMITED' });
			setup.context.clock.advance(15 * MINUTE);
			expect(await request('10.1.0.100')).toEqual({ ok: true });
		});

		it('is rate-limited per IP address across addresses', async () => {
			const results = [];
			for (let attempt = 1; attempt <= 21; attempt++) {
				results.push(await requestMagicLink(setup.context, { email: `someone${attempt}@example.org`, clientAddress: '10.2.0.1', origin: ORIGIN, locale: 'fr', redirectTo: null }));
			}
			expect(results.slice(0, 20).every((result) => result.ok)).toBe(true);
			expect(results[20]).toEqual({ ok: false, reason: 'RATE_LIMITED' });
		});
	});

	describe('password', () => {
		it('signs in with the right password only', async () => {
			const wrong = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: 'wrong-password', clientAddress: '10.3.0.1' });
			expect(wrong).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
			const unknown = await signInWithPassword(setup.context, { email: 'ghost@example.org', password: DEMO_PASSWORD, clientAddress: '10.3.0.1' });
			expect(unknown).toEqual({ ok: false, reason: 'INVALID_CREDENTIALS' });
			const right = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.3.0.1' });
			expect(right.ok).toBe(true);
		});

		it('locks an account out after 10 attempts in 15 minutes, even with the right password', async () => {
			for (let attempt = 0; attempt < 10; attempt++) {
				await signInWithPassword(setup.context, { email: 'partner@demo.dari.test', password: 'guess', clientAddress: `10.4.0.${attempt}` });
			}
			const right = await signInWithPassword(setup.context, { email: 'partner@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.4.1.1' });
			expect(right).toEqual({ ok: false, reason: 'RATE_LIMITED' });
			setup.context.clock.advance(15 * MINUTE);
		});

		it('changes the password: current one required, other sessions closed', async () => {
			const one = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.5.0.1' });
			const two = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.5.0.1' });
			if (!one.ok || !two.ok) throw new Error('sign-in failed');
			const actor = (await resolveSession(setup.context, one.value.token))!.actor;
			expect(await changePassword(setup.context, actor, one.value.token, { currentPassword: 'not it', newPassword: 'a long new passphrase' })).toEqual({
				ok: false,
				reason: 'WRONG_PASSWORD',
				field: 'currentPassword'
			});
			expect(await changePassword(setup.context, actor, one.value.token, { currentPassword: DEMO_PASSWORD, newPassword: 'a long new passphrase' })).toEqual({ ok: true, value: undefined });
			expect(await resolveSession(setup.context, one.value.token)).not.toBeNull();
			expect(await resolveSession(setup.context, two.value.token)).toBeNull();
			const again = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: 'a long new passphrase', clientAddress: '10.5.0.2' });
			expect(again.ok).toBe(true);
		});
	});

	describe('sessions', () => {
		it('ends at sign-out', async () => {
			const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.6.0.1' });
			if (!signedIn.ok) throw new Error('sign-in failed');
			expect(await resolveSession(setup.context, signedIn.value.token)).not.toBeNull();
			await signOut(setup.context, signedIn.value.token);
			expect(await resolveSession(setup.context, signedIn.value.token)).toBeNull();
		});

		it('is renewed after half its life and ends after 30 days without use', async () => {
			const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.6.0.2' });
			if (!signedIn.ok) throw new Error('sign-in failed');
			setup.context.clock.advance(16 * 24 * 60 * MINUTE);
			const renewed = await resolveSession(setup.context, signedIn.value.token);
			expect(renewed?.renewedUntil).toBeInstanceOf(Date);
			setup.context.clock.advance(29 * 24 * 60 * MINUTE);
			expect(await resolveSession(setup.context, signedIn.value.token)).not.toBeNull();
			setup.context.clock.advance(31 * 24 * 60 * MINUTE);
			expect(await resolveSession(setup.context, signedIn.value.token)).toBeNull();
		});

		it('derives group roles: coordinator given, member and partner through the organisation', async () => {
			const roleOf = async (email: string) => {
				const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '10.6.0.3' });
				if (!signedIn.ok) throw new Error(`sign-in failed for ${email}`);
				const actor = await loadActor(setup.context, signedIn.value.user);
				return actor.kind === 'user' ? Object.values(actor.groupRoles) : [];
			};
			expect(await roleOf('coordinator@demo.dari.test')).toEqual(['coordinator']);
			expect(await roleOf('partner@demo.dari.test')).toEqual(['partner']);
		});
	});

	describe('invitations', () => {
		it('only administrators invite', async () => {
			const input = { email: 'x@example.org', name: '', preferredLanguage: 'fr' as const, groupId: null, role: null, origin: ORIGIN, inviterName: 'X' };
			expect(await inviteUser(setup.context, anonymous, input)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
			const member = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.7.0.1' });
			if (!member.ok) throw new Error('sign-in failed');
			const coordinator = (await resolveSession(setup.context, member.value.token))!.actor;
			expect(await inviteUser(setup.context, coordinator, input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
			expect((await listAccounts(setup.context, coordinator)).ok).toBe(false);
		});

		it('invites, and the link lets the person set name, language and password', async () => {
			const coree = await setup.context.db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
			const invited = await inviteUser(setup.context, admin, {
				email: 'nouvelle.personne@example.org',
				name: '',
				preferredLanguage: 'ko',
				groupId: coree.id,
				role: 'partner',
				origin: ORIGIN,
				inviterName: 'Virginie Rouquette'
			});
			expect(invited.ok).toBe(true);
			const message = (await outbox()).at(-1)!;
			expect(message.to_address).toBe('nouvelle.personne@example.org');
			expect(message.subject).toBe('Virginie Rouquette 님이 Dari에 초대했습니다');
			const token = tokenFrom(message.text_body);
			expect(await findInvitation(setup.context, token)).toEqual({ email: 'nouvelle.personne@example.org', name: '', preferredLanguage: 'ko' });
			const accepted = await acceptInvitation(setup.context, token, { name: 'PARK Ji-min', preferredLanguage: 'en', password: 'twelve chars or more' });
			expect(accepted.ok).toBe(true);
			if (!accepted.ok) return;
			expect(accepted.value.user).toMatchObject({ name: 'PARK Ji-min', preferredLanguage: 'en', hasPassword: true });
			const session = await resolveSession(setup.context, accepted.value.token);
			expect(session?.actor).toMatchObject({ groupRoles: { [coree.id]: 'partner' } });
			expect(await acceptInvitation(setup.context, token, { name: 'Again', preferredLanguage: 'fr', password: '' })).toEqual({ ok: false, reason: 'INVALID_LINK' });
			expect(await findInvitation(setup.context, token)).toBeNull();
		});

		it('refuses an address that already has an account, and writes nothing', async () => {
			const before = (await outbox()).length;
			const result = await inviteUser(setup.context, admin, {
				email: 'member@demo.dari.test', name: '', preferredLanguage: 'fr', groupId: null, role: null, origin: ORIGIN, inviterName: 'A'
			});
			expect(result).toEqual({ ok: false, reason: 'EMAIL_TAKEN', field: 'email' });
			expect(await outbox()).toHaveLength(before);
		});

		it('writes nothing at all when a part fails (unknown group)', async () => {
			const before = (await outbox()).length;
			const result = await inviteUser(setup.context, admin, {
				email: 'rollback@example.org', name: '', preferredLanguage: 'fr', groupId: '00000000-0000-4000-8000-ffffffffffff', role: 'member', origin: ORIGIN, inviterName: 'A'
			});
			expect(result).toEqual({ ok: false, reason: 'UNKNOWN_GROUP', field: 'groupId' });
			expect(await outbox()).toHaveLength(before);
			const user = await setup.context.db.selectFrom('user_account').select('id').where('email', '=', 'rollback@example.org').executeTakeFirst();
			expect(user).toBeUndefined();
		});
	});

	describe('profile', () => {
		it('updates one’s own name and language; anonymous cannot', async () => {
			expect(await updateProfile(setup.context, anonymous, { name: 'X', preferredLanguage: 'fr' })).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
			const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '10.8.0.1' });
			if (!signedIn.ok) throw new Error('sign-in failed');
			const actor = (await resolveSession(setup.context, signedIn.value.token))!.actor;
			expect(await updateProfile(setup.context, actor, { name: 'KIM Hyoung-jin', preferredLanguage: 'fr' })).toEqual({ ok: true, value: undefined });
			const session = await resolveSession(setup.context, signedIn.value.token);
			expect(session?.user).toMatchObject({ name: 'KIM Hyoung-jin', preferredLanguage: 'fr' });
		});
	});
});
