import type { AddressInfo } from 'node:net';
import nodemailer, { type Transporter } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { insertForum } from '../forums/forum.repository';
import { deliverDueMessages } from '../mail/outbox';
import { DAY, HOUR } from '../shared/clock';
import { newId } from '../shared/identifier';
import { registrationInputSchema, registrationRoundInputSchema } from './registration.schema';
import { getRegistrationPage, openRegistrations, saveRegistration } from './registration.service';
import { dueReminderStep, openPersonalLink, remindOrganisations, sendDueReminders, sendPersonalLink } from './reminder.service';

const mail = { origin: 'https://dari.test' };

describe('the reminder step due', () => {
	const deadline = '2027-03-15T22:59:00.000Z';
	it('is none before the first step and from the deadline on, else the latest step reached', () => {
		expect(dueReminderStep(deadline, [7, 2], new Date('2027-03-08T22:58:00.000Z'))).toBeNull();
		expect(dueReminderStep(deadline, [7, 2], new Date('2027-03-08T22:59:00.000Z'))).toBe(7);
		expect(dueReminderStep(deadline, [7, 2], new Date('2027-03-14T00:00:00.000Z'))).toBe(2);
		expect(dueReminderStep(deadline, [7, 2], new Date('2027-03-15T22:59:00.000Z'))).toBeNull();
		expect(dueReminderStep(deadline, [], new Date('2027-03-15T00:00:00.000Z'))).toBeNull();
	});
});

/** Records what a real SMTP server on 127.0.0.1 accepts: recipient and subject of each message. */
async function startRecordingSmtp() {
	const received: { to: string; subject: string; raw: string }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), subject: /^Subject:\s*(.+)$/im.exec(raw)?.[1] ?? '', raw });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return { received, port: (server.server.address() as AddressInfo).port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDatabase('reminders and personal links', (setup) => {
	let smtp: Awaited<ReturnType<typeof startRecordingSmtp>>;
	let transport: Transporter;
	let coordinator: Actor;
	const ids: Record<string, string> = {};
	const forumNumber = 91;
	const deliver = () => deliverDueMessages(setup.context.db, transport, { senderId: 'test', clock: setup.context.clock, from: 'dari@test' });
	const remindersTo = () => smtp.received.map((message) => message.to).sort();

	beforeAll(async () => {
		smtp = await startRecordingSmtp();
		transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
		await loadDemoData(setup.context);
		const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error('cannot sign in');
		coordinator = await loadActor(setup.context, signedIn.value.user);
		for (const person of await setup.context.db.selectFrom('person').select(['id', 'family_name']).execute()) ids[person.family_name] = person.id;
		for (const organisation of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
		// Addresses for one or two people of each member organisation (the demo has few). Louise COULON
		// has none in the directory: her account's (member@demo.dari.test) is used.
		const addresses: Record<string, string> = { COLLART: 'f.collart@suippes.test', KOULLI: 'y.koulli@suippes.test', DABROWSKI: 'c.dabrowski@aura.test', FORT: 'b.fort@dijon.test', LEGALE: 'e.legale@issy.test' };
		for (const [family, email] of Object.entries(addresses)) await setup.context.db.updateTable('person').set({ email }).where('id', '=', ids[family]).execute();
		const group = await setup.context.db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
		setup.context.clock.set('2027-03-01T00:00:00.000Z');
		const now = setup.context.clock().toISOString();
		await insertForum(setup.context.db, {
			id: newId(), group_id: group.id, number: forumNumber, title_fr: 'Forum des rappels', title_ko: '알림 포럼', theme_fr: '', theme_ko: '', host_country: 'KR', host_timezone: 'Asia/Seoul',
			starts_on: null, ends_on: null, status: 'idea', description_fr: '', description_ko: '', report_fr: '', report_ko: '', created_at: now, updated_at: now
		});
		// 15 March 2027 23:59 in Paris: 22:59 UTC.
		const opened = await openRegistrations(setup.context, coordinator, 'coree', forumNumber, registrationRoundInputSchema.parse({ deadlineDate: '2027-03-15', deadlineTime: '23:59', deadlineTimezone: 'Europe/Paris', reminderDays: '7, 2' }));
		expect(opened.ok).toBe(true);
		// Dijon answers before any reminder.
		await setup.context.db.updateTable('person').set({ email: null }).where('id', '=', ids.FORT).execute();
		const dijon = await saveRegistration(setup.context, coordinator, 'coree', forumNumber, ids.Dijon, registrationInputSchema.parse({ version: '0', interest: 'no' }), mail);
		expect(dijon.ok).toBe(true);
		await setup.context.db.updateTable('person').set({ email: 'b.fort@dijon.test' }).where('id', '=', ids.FORT).execute();
		await setup.context.db.deleteFrom('outbox').execute();
	});
	afterAll(async () => {
		transport?.close();
		await smtp?.stop();
	});

	it('sends nothing before the first step', async () => {
		setup.context.clock.set('2027-03-08T22:00:00.000Z');
		expect(await sendDueReminders(setup.context, setup.context.clock(), mail)).toEqual({ organisations: 0, messages: 0 });
	});

	it('sends the 7-day reminder once per organisation that has not answered, to each of its people with an address, even when two processes run it at once', async () => {
		setup.context.clock.set('2027-03-09T06:00:00.000Z');
		const [first, second] = await Promise.all([sendDueReminders(setup.context, setup.context.clock(), mail), sendDueReminders(setup.context, setup.context.clock(), mail)]);
		// Suippes, Nantes, Auvergne-Rhône-Alpes, Issy: four organisations; Dijon answered.
		expect(first.organisations + second.organisations).toBe(4);
		expect(await sendDueReminders(setup.context, setup.context.clock(), mail)).toEqual({ organisations: 0, messages: 0 });
		await deliver();
		expect(remindersTo()).toEqual(['c.dabrowski@aura.test', 'e.legale@issy.test', 'f.collart@suippes.test', 'member@demo.dari.test', 'y.koulli@suippes.test']);
		// People without an account get a personal link; Louise COULON has one and gets the page.
		const collart = smtp.received.find((message) => message.to === 'f.collart@suippes.test')!.raw.replace(/=\r?\n/g, '');
		expect(collart).toMatch(/https:\/\/dari\.test\/fr\/links\/[A-Za-z0-9_-]{43}/);
		const coulon = smtp.received.find((message) => message.to === 'member@demo.dari.test')!.raw.replace(/=\r?\n/g, '');
		expect(coulon).toContain('https://dari.test/fr/groups/coree/forums/91/registration');
	});

	it('sends the 2-day reminder once, none to an organisation that answered meanwhile, none after the deadline', async () => {
		smtp.received.length = 0;
		const nantes = await saveRegistration(setup.context, coordinator, 'coree', forumNumber, ids['Nantes Métropole'], registrationInputSchema.parse({ version: '0', interest: 'maybe' }), mail);
		expect(nantes.ok).toBe(true);
		await setup.context.db.deleteFrom('outbox').where('status', '=', 'pending').execute();
		setup.context.clock.set('2027-03-13T23:00:00.000Z');
		expect(await sendDueReminders(setup.context, setup.context.clock(), mail)).toEqual({ organisations: 3, messages: 4 });
		setup.context.clock.advance(HOUR);
		expect(await sendDueReminders(setup.context, setup.context.clock(), mail)).toEqual({ organisations: 0, messages: 0 });
		await deliver();
		expect(remindersTo()).toEqual(['c.dabrowski@aura.test', 'e.legale@issy.test', 'f.collart@suippes.test', 'y.koulli@suippes.test']);
		const rows = await setup.context.db.selectFrom('registration_reminder').select(['organisation_id', 'days_before']).execute();
		expect(rows.filter((row) => row.organisation_id === ids.Suippes).map((row) => Number(row.days_before)).sort()).toEqual([2, 7]);
		smtp.received.length = 0;
		setup.context.clock.set('2027-03-15T22:59:00.000Z');
		expect(await sendDueReminders(setup.context, setup.context.clock(), mail)).toEqual({ organisations: 0, messages: 0 });
		expect(await remindOrganisations(setup.context, coordinator, 'coree', forumNumber, null, mail)).toEqual({ ok: false, reason: 'DEADLINE_PASSED' });
		await deliver();
		expect(smtp.received).toHaveLength(0);
	});

	it('lets a coordinator remind one organisation or all that have not answered, and refuses one that answered', async () => {
		setup.context.clock.set('2027-03-14T10:00:00.000Z');
		expect(await remindOrganisations(setup.context, coordinator, 'coree', forumNumber, ids.Dijon, mail)).toEqual({ ok: false, reason: 'ALREADY_ANSWERED' });
		expect(await remindOrganisations(setup.context, coordinator, 'coree', forumNumber, ids['Issy-les-Moulineaux'], mail)).toEqual({ ok: true, value: { organisations: 1, messages: 1 } });
		expect(await remindOrganisations(setup.context, coordinator, 'coree', forumNumber, null, mail)).toEqual({ ok: true, value: { organisations: 3, messages: 4 } });
	});

	it('sends a personal link that opens the organisation registration until it expires; unknown links are not found', async () => {
		setup.context.clock.set('2027-03-14T10:00:00.000Z');
		await setup.context.db.deleteFrom('outbox').execute();
		expect(await sendPersonalLink(setup.context, coordinator, 'coree', forumNumber, ids.ROUQUETTE, mail)).toMatchObject({ ok: false, reason: 'NO_EMAIL' });
		expect(await sendPersonalLink(setup.context, coordinator, 'coree', forumNumber, ids.DABROWSKI, mail)).toEqual({ ok: true, value: { to: 'c.dabrowski@aura.test', expiresAt: '2027-03-15T22:59:00.000Z' } });
		const message = await setup.context.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
		const token = /\/links\/([A-Za-z0-9_-]{43})/.exec(message.text_body)![1];
		// Only the digest is kept.
		expect(JSON.stringify(await setup.context.db.selectFrom('personal_link').selectAll().execute())).not.toContain(token);
		const opened = await openPersonalLink(setup.context, token);
		if (!opened.ok) throw new Error(opened.reason);
		expect(opened.value).toMatchObject({ groupSlug: 'coree', forumNumber, personName: 'Christina DABROWSKI', guest: { kind: 'link-guest', organisationId: ids['Région Auvergne-Rhône-Alpes'] } });
		const page = await getRegistrationPage(setup.context, opened.value.guest, 'coree', forumNumber, null);
		expect(page.ok && page.value.organisation.id).toBe(ids['Région Auvergne-Rhône-Alpes']);
		// The link stands for its own organisation only.
		expect(await getRegistrationPage(setup.context, opened.value.guest, 'coree', forumNumber, ids.Suippes)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		const saved = await saveRegistration(setup.context, opened.value.guest, 'coree', forumNumber, null, registrationInputSchema.parse({ version: '0', interest: 'yes', [`delegate-${ids.DABROWSKI}`]: 'on', head: ids.DABROWSKI }), mail);
		expect(saved).toMatchObject({ ok: true, value: { version: 1, emailed: 1 } });
		expect(await openPersonalLink(setup.context, 'A'.repeat(43))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await openPersonalLink(setup.context, 'short')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		setup.context.clock.advance(2 * DAY);
		expect(await openPersonalLink(setup.context, token)).toEqual({ ok: false, reason: 'EXPIRED' });
	});
});
