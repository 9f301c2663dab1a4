import ICAL from 'ical.js';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { countDarkPixels, extractPdfText, renderPdfPage } from '../../../../tests/setup/pdf-page-image';
import { wallClockAt } from '../../format/time-zones';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { deliverDueMessages } from '../mail/outbox';
import { HOUR } from '../shared/clock';
import { listDelegates } from './personal-programme.repository';
import { acceptOffer, getPersonalProgramme, getPersonalProgrammeFile, openProgrammeLink, passExpiredOffers, publishConsolidation, withdrawFromVisit } from './personal-programme.service';

const mail = { origin: 'https://dari.test' };

async function startRecordingSmtp() {
	const received: { to: string; raw: string }[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: 50 * 1024 * 1024,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), raw: Buffer.concat(chunks).toString('utf8') });
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return { received, port: (server.server.address() as AddressInfo).port, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describeEachDatabase('publishing personal programmes and waiting lists', (setup) => {
	let smtp: Awaited<ReturnType<typeof startRecordingSmtp>>;
	let coordinator: Actor;
	let forumId: string;
	let visits: { id: string; starts_at: string; ends_at: string; title_ko: string }[];
	/** person id → ranked visit ids */
	const preferences = new Map<string, string[]>();
	const emailOf = (personId: string) => `d-${personId}@delegates.test`;
	const db = () => setup.context.db;
	const deliver = async () => {
		const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });
		return deliverDueMessages(db(), transport, { senderId: 'test', clock: setup.context.clock, from: 'dari@test', batchSize: 500 });
	};
	const assignedTo = async (itemId: string) =>
		(await db().selectFrom('visit_assignment').select(['person_id', 'source']).where('programme_item_id', '=', itemId).execute()).map((row) => row.person_id);
	const entriesOf = async (itemId: string) =>
		db().selectFrom('waiting_list_entry').selectAll().where('programme_item_id', '=', itemId).orderBy('preference_rank').orderBy('registered_at').orderBy('person_id').execute();

	beforeAll(async () => {
		smtp = await startRecordingSmtp();
		await loadDemoData(setup.context);
		const signedIn = await signInWithPassword(setup.context, { email: 'coordinator@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error('cannot sign in');
		coordinator = await loadActor(setup.context, signedIn.value.user);
		const visitRows = await db().selectFrom('programme_item').select(['id', 'forum_id', 'starts_at', 'ends_at', 'title_ko']).where('kind', '=', 'field-visit').where('capacity', 'is not', null).orderBy('starts_at').orderBy('id').execute();
		forumId = visitRows[0].forum_id;
		visits = visitRows.filter((row) => row.forum_id === forumId);
		// One place per visit, so that every visit is full and the others wait.
		await db().updateTable('programme_item').set({ capacity: 1 }).where('forum_id', '=', forumId).where('kind', '=', 'field-visit').execute();
		const rows = (await listDelegates(db(), forumId)).preferences;
		for (const row of rows) preferences.set(row.person_id, [...(preferences.get(row.person_id) ?? []), row.programme_item_id]);
		for (const personId of preferences.keys()) await db().updateTable('person').set({ email: emailOf(personId), preferred_language: 'ko' }).where('id', '=', personId).execute();
		// The assignment as the consolidation would leave it: each visit's place to the best-ranking delegate free at that time.
		const now = setup.context.clock().toISOString();
		const taken = new Map<string, string[]>();
		for (const visit of visits) {
			const candidates = [...preferences].filter(([person, ranked]) => ranked.includes(visit.id) && !(taken.get(person) ?? []).some((other) => visits.find((v) => v.id === other)!.starts_at === visit.starts_at));
			candidates.sort((a, b) => a[1].indexOf(visit.id) - b[1].indexOf(visit.id) || (a[0] < b[0] ? -1 : 1));
			const [person, ranked] = candidates[0];
			taken.set(person, [...(taken.get(person) ?? []), visit.id]);
			await db().insertInto('visit_assignment').values({ forum_id: forumId, person_id: person, programme_item_id: visit.id, rank: ranked.indexOf(visit.id) + 1, locked: 0, lock_reason: null, source: 'computed', created_at: now }).execute();
		}
		await db().insertInto('visit_assignment_run').values({ forum_id: forumId, computed_at: now, computed_by_user_id: null, options: '{}', filled: visits.length, rank_sum: 0, published_at: null, updated_at: now }).execute();
	});
	afterAll(async () => smtp?.stop());

	it('opens no programme for a token that was never issued', async () => {
		expect(await openProgrammeLink(setup.context, 'a'.repeat(43))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await openProgrammeLink(setup.context, 'short')).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('refuses members, then e-mails each delegate their programme with its calendar file and PDF', async () => {
		const member = { kind: 'user' as const, userId: 'x', isAdministrator: false, groupRoles: {} };
		expect(await publishConsolidation(setup.context, member, forumId, mail)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		const published = await publishConsolidation(setup.context, coordinator, forumId, mail);
		expect(published).toEqual({ ok: true, value: { delegates: preferences.size, emails: preferences.size } });
		expect((await deliver()).sent).toBe(preferences.size);
		expect(smtp.received.map((message) => message.to).sort()).toEqual([...preferences.keys()].map(emailOf).sort());
		for (const message of smtp.received) {
			expect(message.raw).toContain('filename=programme.ics');
			expect(message.raw).toContain('filename=programme.pdf');
		}
		const run = await db().selectFrom('visit_assignment_run').select('published_at').where('forum_id', '=', forumId).executeTakeFirstOrThrow();
		expect(run.published_at).toBe(setup.context.clock().toISOString());
	});

	it('writes every attended item in Seoul time with a real VTIMEZONE, stable UIDs and a rising SEQUENCE', async () => {
		const [personId, ranked] = [...preferences].find(([person]) => visits.some((visit) => visit.id === preferences.get(person)![0]))!;
		const own = await db().selectFrom('visit_assignment').select('programme_item_id').where('person_id', '=', personId).execute();
		const file = await getPersonalProgrammeFile(setup.context, coordinator, forumId, personId, 'ics', 'ko', mail);
		if (!file.ok) throw new Error(file.reason);
		const text = String(file.value.body);
		expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Seoul');
		const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
		const items = await db().selectFrom('programme_item').select(['id', 'kind', 'starts_at']).where('forum_id', '=', forumId).execute();
		const expected = items.filter((item) => item.kind !== 'field-visit' || own.some((row) => row.programme_item_id === item.id));
		expect(events).toHaveLength(expected.length);
		expect(ranked.length).toBeGreaterThan(0);
		for (const item of expected) {
			const event = events.find((candidate) => candidate.uid === `programme-${forumId}-${personId}-${item.id}@dari.test`)!;
			expect(event.startDate.zone?.tzid).toBe('Asia/Seoul');
			const seoul = wallClockAt(new Date(item.starts_at), 'Asia/Seoul');
			expect([event.startDate.hour, event.startDate.minute]).toEqual([seoul.hour, seoul.minute]);
			expect(new Date(event.startDate.toUnixTime() * 1000).toISOString()).toBe(item.starts_at);
			expect(event.sequence).toBe(0);
		}
		await publishConsolidation(setup.context, coordinator, forumId, mail);
		const again = await getPersonalProgrammeFile(setup.context, coordinator, forumId, personId, 'ics', 'ko', mail);
		if (!again.ok) throw new Error(again.reason);
		const republished = new ICAL.Component(ICAL.parse(String(again.value.body))).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
		expect(republished.map((event) => event.uid).sort()).toEqual(events.map((event) => event.uid).sort());
		expect(republished.every((event) => event.sequence === 1)).toBe(true);
	});

	it('renders the PDF with its Korean text drawn', async () => {
		const personId = [...preferences.keys()][0];
		const file = await getPersonalProgrammeFile(setup.context, coordinator, forumId, personId, 'pdf', 'ko', mail);
		if (!file.ok) throw new Error(file.reason);
		const pdf = file.value.body as Uint8Array;
		expect(extractPdfText(pdf)).toContain('개인 일정');
		const page = renderPdfPage(pdf);
		// The title line (18 pt, from the top margin) is Korean: it must be drawn, not blank.
		expect(countDarkPixels(page, { left: 56, top: 56, width: 300, height: 24 })).toBeGreaterThan(150);
	});

	it('shows a member their own programme only', async () => {
		const signedIn = await signInWithPassword(setup.context, { email: 'member@demo.dari.test', password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error('cannot sign in');
		const member = await loadActor(setup.context, signedIn.value.user);
		// Louise COULON's organisation (Nantes) did not register: she is no delegate.
		expect(await getPersonalProgramme(setup.context, member, forumId, null, mail)).toEqual({ ok: false, reason: 'NOT_A_DELEGATE' });
		expect(await getPersonalProgramme(setup.context, member, forumId, [...preferences.keys()][0], mail)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		expect(await withdrawFromVisit(setup.context, member, forumId, [...preferences.keys()][0], visits[0].id, mail)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
		// The coordinator sees every delegate, to open their programmes.
		const overview = await getPersonalProgramme(setup.context, coordinator, forumId, null, mail);
		if (!overview.ok) throw new Error(overview.reason);
		expect(overview.value.delegates?.map((delegate) => delegate.personId).sort()).toEqual([...preferences.keys()].sort());
	});

	it('offers a withdrawn place to the first waiting delegate, who accepts it', async () => {
		await deliver();
		smtp.received.length = 0;
		const visit = visits[0];
		const [holder] = await assignedTo(visit.id);
		const queue = (await entriesOf(visit.id)).filter((entry) => entry.status === 'waiting');
		expect(queue.length).toBeGreaterThan(0);
		const holderLink = await db().selectFrom('personal_programme').select('person_id').where('person_id', '=', holder).executeTakeFirstOrThrow();
		expect(holderLink.person_id).toBe(holder);
		expect(await withdrawFromVisit(setup.context, coordinator, forumId, holder, visit.id, mail)).toEqual({ ok: true, value: undefined });
		const offered = (await entriesOf(visit.id)).filter((entry) => entry.status === 'offered');
		expect(offered).toHaveLength(1);
		expect(offered[0].offer_expires_at).toBe(new Date(setup.context.clock().getTime() + 48 * HOUR).toISOString());
		await deliver();
		expect(smtp.received.map((message) => message.to)).toEqual([emailOf(offered[0].person_id)]);
		// The offer e-mail carries the delegate's programme link, which stands for them alone.
		const offerMail = await db().selectFrom('outbox').select('text_body').where('to_address', '=', emailOf(offered[0].person_id)).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
		const token = /links\/programme\/([A-Za-z0-9_-]{43})/.exec(offerMail.text_body)![1];
		const link = await openProgrammeLink(setup.context, token);
		if (!link.ok) throw new Error(link.reason);
		expect(link.value.guest.personId).toBe(offered[0].person_id);
		expect(await acceptOffer(setup.context, link.value.guest, forumId, offered[0].person_id, visit.id, mail)).toEqual({ ok: true, value: undefined });
		const row = await db().selectFrom('visit_assignment').select(['person_id', 'source']).where('programme_item_id', '=', visit.id).executeTakeFirstOrThrow();
		expect(row).toEqual({ person_id: offered[0].person_id, source: 'waiting-list' });
		const view = await getPersonalProgramme(setup.context, link.value.guest, forumId, null, mail);
		if (!view.ok) throw new Error(view.reason);
		expect(view.value.days.flatMap((day) => day.lines).some((line) => line.itemId === visit.id)).toBe(true);
		// Another delegate's programme is not theirs to open.
		expect(await getPersonalProgramme(setup.context, link.value.guest, forumId, holder, mail)).toMatchObject({ ok: false, reason: 'FORBIDDEN' });
	});

	it('passes an expired offer to the next waiting delegate', async () => {
		const visit = visits[1];
		const [holder] = await assignedTo(visit.id);
		await withdrawFromVisit(setup.context, coordinator, forumId, holder, visit.id, mail);
		const first = (await entriesOf(visit.id)).find((entry) => entry.status === 'offered');
		if (!first) throw new Error('the freed place was offered to nobody');
		const waitingBefore = (await entriesOf(visit.id)).filter((entry) => entry.status === 'waiting').map((entry) => entry.person_id);
		expect(waitingBefore.length).toBeGreaterThan(0);
		// One minute before the end of the 48 hours, the offer stands.
		setup.context.clock.advance(48 * HOUR - 60_000);
		expect(await passExpiredOffers(setup.context, mail)).toBe(0);
		setup.context.clock.advance(60_000);
		expect(await passExpiredOffers(setup.context, mail)).toBe(1);
		const after = await entriesOf(visit.id);
		expect(after.find((entry) => entry.person_id === first.person_id)!.status).toBe('expired');
		const next = after.filter((entry) => entry.status === 'offered');
		expect(next).toHaveLength(1);
		expect(waitingBefore).toContain(next[0].person_id);
		// Too late to accept.
		expect(await acceptOffer(setup.context, coordinator, forumId, first.person_id, visit.id, mail)).toMatchObject({ ok: false, reason: 'NO_OFFER' });
	});

	it('never loses nor doubles a place when two withdrawals happen at once', async () => {
		// Both remaining visits' holders withdraw at the same moment.
		const pair = visits.slice(2, 4);
		const holders = await Promise.all(pair.map(async (visit) => (await assignedTo(visit.id))[0]));
		const results = await Promise.all(pair.map((visit, index) => withdrawFromVisit(setup.context, coordinator, forumId, holders[index], visit.id, mail)));
		expect(results.every((result) => result.ok)).toBe(true);
		for (const visit of pair) {
			const entries = await entriesOf(visit.id);
			const taken = (await assignedTo(visit.id)).length + entries.filter((entry) => entry.status === 'offered').length;
			// Capacity 1: the freed place is offered to exactly one delegate, never to none nor two.
			expect(taken).toBe(1);
		}
		// Nobody holds two offers or places at the same time.
		const offered = await db().selectFrom('waiting_list_entry').select(['person_id', 'programme_item_id']).where('forum_id', '=', forumId).where('status', '=', 'offered').execute();
		for (const a of offered)
			for (const b of offered) {
				if (a === b || a.person_id !== b.person_id) continue;
				const [x, y] = [visits.find((v) => v.id === a.programme_item_id)!, visits.find((v) => v.id === b.programme_item_id)!];
				expect(x.starts_at < y.ends_at && y.starts_at < x.ends_at).toBe(false);
			}
	});

	it('gives two places freed at once on the same visit to two different delegates', async () => {
		const visit = visits[0];
		const [first] = await assignedTo(visit.id);
		const busy = new Set((await db().selectFrom('visit_assignment').select(['person_id', 'programme_item_id']).execute()).filter((row) => visits.slice(0, 2).some((v) => v.id === row.programme_item_id)).map((row) => row.person_id));
		const offeredNow = new Set((await db().selectFrom('waiting_list_entry').select('person_id').where('status', '=', 'offered').execute()).map((row) => row.person_id));
		const second = (await entriesOf(visit.id)).find((entry) => entry.status === 'waiting' && !busy.has(entry.person_id) && !offeredNow.has(entry.person_id))!;
		// Two places, both taken: the first holder and a delegate moved up from the queue by hand.
		await db().updateTable('programme_item').set({ capacity: 2 }).where('id', '=', visit.id).execute();
		await db().deleteFrom('waiting_list_entry').where('person_id', '=', second.person_id).where('programme_item_id', '=', visit.id).execute();
		await db().insertInto('visit_assignment').values({ forum_id: forumId, person_id: second.person_id, programme_item_id: visit.id, rank: second.preference_rank, locked: 1, lock_reason: null, source: 'move', created_at: setup.context.clock().toISOString() }).execute();
		const results = await Promise.all([first, second.person_id].map((person) => withdrawFromVisit(setup.context, coordinator, forumId, person, visit.id, mail)));
		expect(results).toEqual([{ ok: true, value: undefined }, { ok: true, value: undefined }]);
		expect(await assignedTo(visit.id)).toEqual([]);
		const offers = (await entriesOf(visit.id)).filter((entry) => entry.status === 'offered');
		expect(offers).toHaveLength(2);
		expect(new Set(offers.map((entry) => entry.person_id)).size).toBe(2);
		// One e-mail per offer, none twice.
		const queued = await db().selectFrom('outbox').select('to_address').where('status', '=', 'pending').where('subject', 'like', '%' + visit.title_ko + '%').execute();
		expect(queued.map((row) => row.to_address).sort()).toEqual(offers.map((entry) => emailOf(entry.person_id)).sort());
	});
});
