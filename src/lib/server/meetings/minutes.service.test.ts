import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { newId } from '../shared/identifier';
import { getGroupActions, isOverdue, setActionStatus } from './actions.service';
import { minutesEntrySchema, type MinutesEntryInput } from './minutes.schema';
import { participantsList } from './meeting.service';
import { loadMinutesDocument } from './minutes-document';
import { changeAffiliation } from '../directory/person.repository';
import { getMinutes, getMinutesEditor, moveMinutesEntry, publishMinutes, removeMinutesEntry, saveMinutesEntry, setOriginalLanguage } from './minutes.service';

const ORIGIN = 'http://dari.test';

function entry(fields: Record<string, string>): MinutesEntryInput {
	const parsed = minutesEntrySchema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

it('checks an entry’s fields', () => {
	const errors = (fields: Record<string, string>) => {
		const parsed = minutesEntrySchema.safeParse(fields);
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path[0], issue.message]));
	};
	expect(errors({ kind: 'intervention', textFr: 'Bonjour' })).toEqual({ speakerName: 'required' });
	expect(errors({ kind: 'action', textFr: 'Envoyer', dueOn: '2024-02-30', owner: 'someone' })).toEqual({ dueOn: 'invalid_date', owner: 'invalid_choice' });
	expect(errors({ kind: 'decision', textFr: 'x'.repeat(20001) })).toEqual({ textFr: 'too_long' });
	expect(errors({ kind: 'other' })).toEqual({ kind: 'invalid_choice' });
});

it('says an action is overdue only when open and due before today', () => {
	expect(isOverdue({ status: 'open', dueOn: '2024-03-14' }, '2024-03-15')).toBe(true);
	expect(isOverdue({ status: 'open', dueOn: '2024-03-15' }, '2024-03-15')).toBe(false);
	expect(isOverdue({ status: 'done', dueOn: '2024-03-01' }, '2024-03-15')).toBe(false);
	expect(isOverdue({ status: 'open', dueOn: null }, '2024-03-15')).toBe(false);
});

describeEachDatabase('minutes', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};

	/** A meeting of group coree with two agenda items, as helper A's meeting page would create it. */
	async function createMeeting(fields: { startsAt: string | null; status?: 'draft' | 'published'; title?: string }) {
		const db = setup.context.db;
		const group = await db.selectFrom('country_group').select('id').where('slug', '=', 'coree').executeTakeFirstOrThrow();
		const id = newId();
		const now = setup.context.clock().toISOString();
		await db
			.insertInto('meeting')
			.values({
				id,
				group_id: group.id,
				title_fr: fields.title ?? 'Réunion du groupe-pays Corée',
				title_ko: fields.title ? '' : '한국 국가그룹 회의',
				starts_at: fields.startsAt,
				ends_at: null,
				timezone: 'Europe/Paris',
				format: 'video',
				video_link: null,
				place: null,
				status: fields.status ?? 'draft',
				original_language: 'fr',
				previous_meeting_id: null,
				calendar_sequence: 0,
				source_hash: null,
				created_at: now,
				updated_at: now,
				published_at: fields.status === 'published' ? now : null
			})
			.execute();
		const items: string[] = [];
		for (const [index, title] of ['Introduction', 'Forum franco-coréen'].entries()) {
			const itemId = newId();
			await db.insertInto('agenda_item').values({ id: itemId, meeting_id: id, position: index + 1, title_fr: title, title_ko: '', presenter_person_id: null }).execute();
			items.push(itemId);
		}
		return { id, items };
	}

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test');
		actors.partner = await actorFor('partner@demo.dari.test');
		const db = setup.context.db;
		const nantes = await db.selectFrom('organisation').select('id').where('name_fr', '=', 'Nantes Métropole').executeTakeFirstOrThrow();
		ids.nantes = nantes.id;
		// A person of the group's directory whose title changed the very day of the meeting.
		ids.speaker = newId();
		await db
			.insertInto('person')
			.values({
				id: ids.speaker,
				given_name: 'Maëlle',
				family_name: 'TESTARD',
				name_order: 'given-first',
				email: null,
				phone: null,
				organisation_id: nantes.id,
				preferred_language: 'fr',
				public_listing_consent: 1,
				created_at: '2020-01-01T00:00:00.000Z',
				search_text: 'maelle testard',
				search_initials: ''
			})
			.execute();
		await db
			.insertInto('person_title')
			.values([
				{ id: newId(), person_id: ids.speaker, title: 'Chargée de mission', language: 'fr', valid_from: '2020-01-01', valid_to: '2024-02-26' },
				{ id: newId(), person_id: ids.speaker, title: 'Directrice des relations internationales', language: 'fr', valid_from: '2024-02-27', valid_to: null }
			])
			.execute();
	});

	it('shows a speaker with the title held on the meeting’s day in its zone, and the override instead when written', async () => {
		// 23:30 UTC on the 26th is 00:30 on the 27th in Paris: the new title holds.
		const meeting = await createMeeting({ startsAt: '2024-02-26T23:30:00.000Z' });
		const saved = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'intervention', agendaItemId: meeting.items[0], speakerPersonId: ids.speaker, textFr: 'Bonjour à tous.' }));
		if (!saved.ok) throw new Error(saved.reason);
		const read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		if (!read.ok) throw new Error(read.reason);
		expect(read.value.content.meeting.day).toBe('2024-02-27');
		expect(read.value.content.items[0].interventions[0]).toMatchObject({
			speakerName: 'Maëlle TESTARD',
			speakerTitle: { fr: 'Directrice des relations internationales' },
			organisation: { fr: 'Nantes Métropole' },
			text: { fr: 'Bonjour à tous.', ko: '' }
		});
		// The day before, the earlier title.
		const earlier = await createMeeting({ startsAt: '2024-02-26T08:00:00.000Z' });
		await saveMinutesEntry(setup.context, actors.coordinator, 'coree', earlier.id, entry({ kind: 'intervention', agendaItemId: earlier.items[0], speakerPersonId: ids.speaker, textFr: 'Texte.' }));
		const earlierRead = await getMinutes(setup.context, actors.coordinator, 'coree', earlier.id);
		expect(earlierRead.ok && earlierRead.value.content.items[0].interventions[0].speakerTitle.fr).toBe('Chargée de mission');
		// The override wins.
		await saveMinutesEntry(
			setup.context,
			actors.coordinator,
			'coree',
			meeting.id,
			entry({ kind: 'intervention', id: saved.value.id, speakerPersonId: ids.speaker, speakerTitleOverride: 'Vice-présidente', textFr: 'Bonjour à tous.', textKo: '여러분 안녕하세요.' })
		);
		const overridden = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(overridden.ok && overridden.value.content.items[0].interventions[0]).toMatchObject({ speakerTitle: { fr: 'Vice-présidente', ko: 'Vice-présidente' }, text: { ko: '여러분 안녕하세요.' } });
		// The editor offers the directory's people with that day's title.
		const editor = await getMinutesEditor(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(editor.ok && editor.value.people.find((person) => person.id === ids.speaker)?.label).toBe('Maëlle TESTARD, Directrice des relations internationales, Nantes Métropole');
	});

	it('keeps speakers out of the directory by name, refuses unknown people and empty texts with their field', async () => {
		const meeting = await createMeeting({ startsAt: '2024-03-05T08:00:00.000Z' });
		const byName = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'intervention', agendaItemId: meeting.items[0], speakerName: 'Jean Invité', speakerTitleOverride: 'Consultant', textFr: 'Merci.' }));
		expect(byName.ok).toBe(true);
		const read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(read.ok && read.value.content.items[0].interventions[0]).toMatchObject({ speakerPersonId: null, speakerName: 'Jean Invité', speakerTitle: { fr: 'Consultant' }, organisation: null });
		const outsider = await setup.context.db.selectFrom('person').innerJoin('organisation', 'organisation.id', 'person.organisation_id').select('person.id').where('organisation.name_fr', '=', 'Tours').executeTakeFirst();
		if (outsider) {
			expect(await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'intervention', agendaItemId: meeting.items[0], speakerPersonId: outsider.id, textFr: 'x' }))).toMatchObject({ reason: 'INVALID_FIELD', field: 'speakerPersonId' });
		}
		expect(await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: meeting.items[0] }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'textFr', code: 'required' });
		expect(await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: newId(), textFr: 'x' }))).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('writes, reorders and removes decisions and actions', async () => {
		const meeting = await createMeeting({ startsAt: '2024-03-12T08:00:00.000Z' });
		const item = meeting.items[1];
		const first = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: item, textFr: 'Thèmes approuvés.' }));
		const second = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: item, textFr: 'Participation confirmée.' }));
		if (!first.ok || !second.ok) throw new Error('not saved');
		expect(await moveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, { kind: 'decision', id: second.value.id, direction: 'up' })).toEqual({ ok: true, value: null });
		const action = await saveMinutesEntry(
			setup.context,
			actors.coordinator,
			'coree',
			meeting.id,
			entry({ kind: 'action', agendaItemId: item, textFr: 'Confirmer la participation', owner: `organisation:${ids.nantes}`, dueOn: '2024-03-15' })
		);
		if (!action.ok) throw new Error(action.reason);
		let read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		if (!read.ok) throw new Error(read.reason);
		expect(read.value.content.items[1].decisions.map((decision) => decision.text.fr)).toEqual(['Participation confirmée.', 'Thèmes approuvés.']);
		expect(read.value.content.items[1].actions[0]).toMatchObject({ description: { fr: 'Confirmer la participation' }, owner: { kind: 'organisation', name: { fr: 'Nantes Métropole' } }, dueOn: '2024-03-15', status: 'open' });
		expect(await removeMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, { kind: 'decision', id: first.value.id })).toEqual({ ok: true, value: null });
		read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(read.ok && read.value.content.items[1].decisions.map((decision) => decision.text.fr)).toEqual(['Participation confirmée.']);
		// An entry of another meeting is not found through this one.
		const other = await createMeeting({ startsAt: null });
		expect(await removeMinutesEntry(setup.context, actors.coordinator, 'coree', other.id, { kind: 'action', id: action.value.id })).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('shows the text an import did not recognise, verbatim', async () => {
		const meeting = await createMeeting({ startsAt: '2024-03-19T08:00:00.000Z' });
		await setup.context.db.insertInto('minutes_unrecognised').values({ id: newId(), meeting_id: meeting.id, position: 1, text: 'Liste des excusés :\n  (illisible)' }).execute();
		const read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(read.ok && read.value.content.unrecognised).toEqual(['Liste des excusés :\n  (illisible)']);
	});

	it('refuses to publish a meeting without a date', async () => {
		const meeting = await createMeeting({ startsAt: null });
		expect(await publishMinutes(setup.context, actors.coordinator, 'coree', meeting.id, ORIGIN)).toEqual({ ok: false, reason: 'NO_DATE' });
		const read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(read.ok && read.value.content.meeting.status).toBe('draft');
	});

	it('hides drafts from members and partners, and lets only coordinators write', async () => {
		const meeting = await createMeeting({ startsAt: '2024-04-02T07:00:00.000Z' });
		expect(await getMinutes(setup.context, actors.member, 'coree', meeting.id)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getMinutes(setup.context, actors.partner, 'coree', meeting.id)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getMinutes(setup.context, { kind: 'anonymous' }, 'coree', meeting.id)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getMinutesEditor(setup.context, actors.member, 'coree', meeting.id)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await saveMinutesEntry(setup.context, actors.member, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: meeting.items[0], textFr: 'x' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await publishMinutes(setup.context, actors.partner, 'coree', meeting.id, ORIGIN)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getMinutes(setup.context, actors.member, 'japon', meeting.id)).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('publishes: members told by e-mail in their language, and every later change kept as a version', async () => {
		const meeting = await createMeeting({ startsAt: '2024-02-27T08:00:00.000Z' });
		const decision = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', agendaItemId: meeting.items[1], textFr: 'Thèmes approuvés.' }));
		if (!decision.ok) throw new Error(decision.reason);
		const outboxBefore = await setup.context.db.selectFrom('outbox').select('id').execute();
		setup.context.clock.set('2024-03-01T10:00:00.000Z');
		const published = await publishMinutes(setup.context, actors.coordinator, 'coree', meeting.id, ORIGIN);
		if (!published.ok) throw new Error(published.reason);
		expect(published.value.notified).toBeGreaterThan(0);
		const messages = await setup.context.db.selectFrom('outbox').selectAll().where('id', 'not in', outboxBefore.map((row) => row.id).concat([''])).execute();
		expect(messages).toHaveLength(published.value.notified);
		const toMember = messages.find((message) => message.to_address === 'member@demo.dari.test');
		expect(toMember?.text_body).toContain(`${ORIGIN}/fr/groups/coree/meetings/${meeting.id}/minutes`);
		expect(toMember?.subject).toContain('Réunion du groupe-pays Corée');
		expect(messages.some((message) => message.to_address === 'coordinator@demo.dari.test')).toBe(true);
		expect(await publishMinutes(setup.context, actors.coordinator, 'coree', meeting.id, ORIGIN)).toEqual({ ok: false, reason: 'ALREADY_PUBLISHED' });

		// Members now read it; version 1 is the published state.
		let read = await getMinutes(setup.context, actors.member, 'coree', meeting.id);
		if (!read.ok) throw new Error(read.reason);
		expect(read.value.canEdit).toBe(false);
		expect(read.value.versions).toEqual([{ version: 1, at: '2024-03-01T10:00:00.000Z', author: expect.any(String) }]);

		setup.context.clock.set('2024-03-02T10:00:00.000Z');
		await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', id: decision.value.id, textFr: 'Thèmes approuvés.', textKo: '주제 승인.' }));
		await setOriginalLanguage(setup.context, actors.coordinator, 'coree', meeting.id, 'ko');
		read = await getMinutes(setup.context, actors.member, 'coree', meeting.id);
		if (!read.ok) throw new Error(read.reason);
		expect(read.value.versions.map((version) => version.version)).toEqual([3, 2, 1]);
		expect(read.value.content.meeting.originalLanguage).toBe('ko');
		// Saving an entry again as it is, or an unchanged language, keeps no new version.
		setup.context.clock.set('2024-03-03T10:00:00.000Z');
		expect(await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'decision', id: decision.value.id, textFr: 'Thèmes approuvés.', textKo: '주제 승인.' }))).toEqual({ ok: true, value: { id: decision.value.id } });
		await setOriginalLanguage(setup.context, actors.coordinator, 'coree', meeting.id, 'ko');
		read = await getMinutes(setup.context, actors.member, 'coree', meeting.id);
		expect(read.ok && read.value.versions.map((version) => [version.version, version.at])).toEqual([
			[3, '2024-03-02T10:00:00.000Z'],
			[2, '2024-03-02T10:00:00.000Z'],
			[1, '2024-03-01T10:00:00.000Z']
		]);
		expect(await setup.context.db.selectFrom('minutes_version').select('version').where('meeting_id', '=', meeting.id).execute()).toHaveLength(3);
		// The old version reads as it was.
		const first = await getMinutes(setup.context, actors.member, 'coree', meeting.id, 1);
		if (!first.ok) throw new Error(first.reason);
		expect(first.value.viewingVersion).toMatchObject({ version: 1 });
		expect(first.value.content.items[1].decisions[0].text).toEqual({ fr: 'Thèmes approuvés.', ko: '' });
		expect(await getMinutes(setup.context, actors.member, 'coree', meeting.id, 9)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('shows the organisation a speaker and a participant had on the meeting’s day, in the reader, the export and the participants list; the writer may override it', async () => {
		const db = setup.context.db;
		const issy = await db.selectFrom('organisation').select('id').where('name_fr', '=', 'Issy-les-Moulineaux').executeTakeFirstOrThrow();
		// With Nantes until the last day of 2024, then with Issy-les-Moulineaux.
		const mover = newId();
		await db
			.insertInto('person')
			.values({ id: mover, given_name: 'Hugo', family_name: 'PASSANT', name_order: 'given-first', email: null, phone: null, organisation_id: issy.id, preferred_language: 'fr', public_listing_consent: 1, created_at: '2020-01-01T00:00:00.000Z', search_text: 'hugo passant', search_initials: '' })
			.execute();
		await db
			.insertInto('person_affiliation')
			.values([
				{ id: newId(), person_id: mover, organisation_id: ids.nantes, valid_from: null, valid_to: '2024-12-31' },
				{ id: newId(), person_id: mover, organisation_id: issy.id, valid_from: '2025-01-01', valid_to: null }
			])
			.execute();
		const before = await createMeeting({ startsAt: '2024-02-27T08:00:00.000Z' });
		const after = await createMeeting({ startsAt: '2025-03-04T08:00:00.000Z' });
		for (const meeting of [before, after]) {
			const saved = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'intervention', agendaItemId: meeting.items[0], speakerPersonId: mover, textFr: 'Bonjour.' }));
			if (!saved.ok) throw new Error(saved.reason);
			await db.insertInto('meeting_participant').values({ meeting_id: meeting.id, person_id: mover, invited_at: null, response: null, responded_at: null, attendance: 'present' }).execute();
		}
		const organisationIn = async (meetingId: string) => {
			const read = await getMinutes(setup.context, actors.coordinator, 'coree', meetingId);
			if (!read.ok) throw new Error(read.reason);
			const document = await loadMinutesDocument(db, meetingId);
			const meeting = await db.selectFrom('meeting').selectAll().where('id', '=', meetingId).executeTakeFirstOrThrow();
			return {
				reader: read.value.content.items[0].interventions[0].organisation?.fr,
				attendance: read.value.content.attendance?.[0].organisation?.fr,
				exported: document?.agenda[0].interventions[0].organisation?.fr,
				exportedParticipants: document?.participants.map((participant) => participant.organisation?.fr),
				participantsList: (await participantsList(db, meeting, { published: true })).map((participant) => participant.organisation?.fr)
			};
		};
		const nantes = 'Nantes Métropole';
		expect(await organisationIn(before.id)).toEqual({ reader: nantes, attendance: nantes, exported: nantes, exportedParticipants: [nantes], participantsList: [nantes] });
		const issyName = 'Issy-les-Moulineaux';
		expect(await organisationIn(after.id)).toEqual({ reader: issyName, attendance: issyName, exported: issyName, exportedParticipants: [issyName], participantsList: [issyName] });

		// The writer's organisation wins, in the reader and the export.
		const interventionId = (await loadMinutesDocument(db, before.id))!.agenda[0].interventions[0].id;
		await saveMinutesEntry(setup.context, actors.coordinator, 'coree', before.id, entry({ kind: 'intervention', id: interventionId, speakerPersonId: mover, speakerOrganisationOverride: 'Région Pays de la Loire', textFr: 'Bonjour.' }));
		const overridden = await organisationIn(before.id);
		expect(overridden).toMatchObject({ reader: 'Région Pays de la Loire', exported: 'Région Pays de la Loire', attendance: nantes });
		const editor = await getMinutesEditor(setup.context, actors.coordinator, 'coree', before.id);
		expect(editor.ok && editor.value.content.items[0].interventions[0].speakerOrganisationOverride).toBe('Région Pays de la Loire');
		// The speakers offered are named with their organisation of that day too.
		expect(editor.ok && editor.value.people.find((person) => person.id === mover)?.label).toBe('Hugo PASSANT, Nantes Métropole');

		// Gone from every organisation of the group since: still offered, and chosen, for the minutes of his time.
		await db.updateTable('person').set({ organisation_id: null }).where('id', '=', mover).execute();
		await changeAffiliation(db, mover, null, '2025-06-30');
		const later = await getMinutesEditor(setup.context, actors.coordinator, 'coree', before.id);
		expect(later.ok && later.value.people.find((person) => person.id === mover)?.label).toBe('Hugo PASSANT, Nantes Métropole');
		expect((await saveMinutesEntry(setup.context, actors.coordinator, 'coree', before.id, entry({ kind: 'intervention', agendaItemId: before.items[1], speakerPersonId: mover, textFr: 'Encore.' }))).ok).toBe(true);
		expect(await organisationIn(before.id)).toMatchObject({ attendance: nantes, participantsList: [nantes] });
	});

	it('keeps action items in the order they were written, whatever their creation instants', async () => {
		const meeting = await createMeeting({ startsAt: '2024-09-03T07:00:00.000Z' });
		// Written later but with an earlier clock (a clock set back): the order is still the writing order.
		setup.context.clock.set('2024-09-10T09:00:00.000Z');
		const first = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'action', agendaItemId: meeting.items[0], textFr: 'Premier' }));
		setup.context.clock.set('2024-09-09T09:00:00.000Z');
		const second = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'action', agendaItemId: meeting.items[0], textFr: 'Deuxième' }));
		const third = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, entry({ kind: 'action', agendaItemId: meeting.items[1], textFr: 'Troisième' }));
		if (!first.ok || !second.ok || !third.ok) throw new Error('not saved');
		const positions = await setup.context.db.selectFrom('action_item').select(['description_fr', 'position']).where('meeting_id', '=', meeting.id).orderBy('position').execute();
		expect(positions.map((row) => [row.description_fr, Number(row.position)])).toEqual([
			['Premier', 1],
			['Deuxième', 2],
			['Troisième', 3]
		]);
		const read = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(read.ok && read.value.content.items[0].actions.map((action) => action.description.fr)).toEqual(['Premier', 'Deuxième']);
		const document = await loadMinutesDocument(setup.context.db, meeting.id);
		expect(document?.agenda[0].actions.map((action) => action.description.fr)).toEqual(['Premier', 'Deuxième']);
		// Moved among its agenda item's actions; the first cannot go up, the item's last not down.
		expect(await moveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, { kind: 'action', id: second.value.id, direction: 'up' })).toEqual({ ok: true, value: null });
		expect(await moveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, { kind: 'action', id: first.value.id, direction: 'down' })).toEqual({ ok: true, value: null });
		const moved = await getMinutes(setup.context, actors.coordinator, 'coree', meeting.id);
		expect(moved.ok && moved.value.content.items.map((item) => item.actions.map((action) => action.description.fr))).toEqual([['Deuxième', 'Premier'], ['Troisième']]);
		expect(await moveMinutesEntry(setup.context, actors.coordinator, 'coree', meeting.id, { kind: 'action', id: newId(), direction: 'up' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('lists decisions and actions of the group, overdue open ones first by a fixed clock, and carries open actions over', async () => {
		const older = await createMeeting({ startsAt: '2024-05-07T07:00:00.000Z', title: 'Réunion de mai' });
		const late = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', older.id, entry({ kind: 'action', agendaItemId: older.items[0], textFr: 'Envoyer le programme', dueOn: '2024-06-01', owner: `person:${ids.speaker}` }));
		const onTime = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', older.id, entry({ kind: 'action', agendaItemId: older.items[0], textFr: 'Réserver les salles', dueOn: '2024-06-20' }));
		await saveMinutesEntry(setup.context, actors.coordinator, 'coree', older.id, entry({ kind: 'decision', agendaItemId: older.items[0], textFr: 'Forum en septembre.' }));
		if (!late.ok || !onTime.ok) throw new Error('not saved');
		setup.context.clock.set('2024-06-10T09:00:00.000Z');
		expect((await publishMinutes(setup.context, actors.coordinator, 'coree', older.id, ORIGIN)).ok).toBe(true);

		// 22:30 UTC on 10 June is already 11 June in Paris: nothing changes for these dates, the zone is Paris's.
		setup.context.clock.set('2024-06-10T22:30:00.000Z');
		const page = await getGroupActions(setup.context, actors.member, 'coree', 'open');
		if (!page.ok) throw new Error(page.reason);
		expect(page.value.today).toBe('2024-06-11');
		const mine = page.value.actions.filter((action) => action.meeting.id === older.id);
		expect(mine.map((action) => [action.description.fr, action.overdue])).toEqual([
			['Envoyer le programme', true],
			['Réserver les salles', false]
		]);
		expect(page.value.actions[0].overdue).toBe(true);
		expect(mine[0].owner).toEqual({ kind: 'person', name: { fr: 'Maëlle TESTARD', ko: 'Maëlle TESTARD' } });
		expect(page.value.decisions.some((decision) => decision.text.fr === 'Forum en septembre.' && decision.meeting.id === older.id)).toBe(true);
		expect(page.value.canManage).toBe(false);

		// The next meeting's editor shows them carried over.
		const next = await createMeeting({ startsAt: '2024-07-02T07:00:00.000Z' });
		const editor = await getMinutesEditor(setup.context, actors.coordinator, 'coree', next.id);
		if (!editor.ok) throw new Error(editor.reason);
		expect(editor.value.carriedOver.filter((action) => action.meetingId === older.id).map((action) => action.description.fr)).toEqual(['Envoyer le programme', 'Réserver les salles']);

		// Only coordinators change a status; the change is a new version of the published minutes.
		expect(await setActionStatus(setup.context, actors.member, 'coree', { actionId: late.value.id, status: 'done' })).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await setActionStatus(setup.context, actors.coordinator, 'coree', { actionId: late.value.id, status: 'done' })).toEqual({ ok: true, value: null });
		expect(await setActionStatus(setup.context, actors.coordinator, 'coree', { actionId: newId(), status: 'done' })).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const done = await getGroupActions(setup.context, actors.coordinator, 'coree', 'done');
		expect(done.ok && done.value.actions.map((action) => action.description.fr)).toContain('Envoyer le programme');
		const open = await getGroupActions(setup.context, actors.coordinator, 'coree', 'open');
		expect(open.ok && open.value.actions.map((action) => action.description.fr)).not.toContain('Envoyer le programme');
		const read = await getMinutes(setup.context, actors.member, 'coree', older.id);
		expect(read.ok && read.value.versions.map((version) => version.version)).toEqual([2, 1]);
	});
});
