import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import { anonymous, type Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { DEMO_NEXT_MEETING_ID } from '../db/demo-data/meetings.demo';
import { answerInvitation, addAgendaItem, scheduleMeeting, sendInvitations } from '../meetings/meeting.service';
import { meetingInputSchema } from '../meetings/meeting.schema';
import { minutesEntrySchema } from '../meetings/minutes.schema';
import { publishMinutes, saveMinutesEntry } from '../meetings/minutes.service';
import { getGroupHome, getMyTodo, timeLeft } from './home.service';

describe('time left before a deadline', () => {
	const now = '2026-11-28T09:00:00.000Z';
	it('counts whole days, then hours, then minutes, rounded down; nothing once passed', () => {
		expect(timeLeft('2026-12-01T10:00:00.000Z', now)).toEqual({ amount: 3, unit: 'day' });
		expect(timeLeft('2026-11-29T08:59:00.000Z', now)).toEqual({ amount: 23, unit: 'hour' });
		expect(timeLeft('2026-11-29T09:00:00.000Z', now)).toEqual({ amount: 1, unit: 'day' });
		expect(timeLeft('2026-11-28T09:42:30.000Z', now)).toEqual({ amount: 42, unit: 'minute' });
		expect(timeLeft('2026-11-28T09:00:30.000Z', now)).toBeNull();
		expect(timeLeft('2026-11-27T09:00:00.000Z', now)).toBeNull();
	});
});

describeEachDatabase('group home and my to-do', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const valid = { titleFr: 'Réunion', startTime: '09:00', endTime: '10:00', timezone: 'Europe/Paris', format: 'video', videoLink: 'https://visio.example.org/x' };
	const schedule = async (actor: Actor, slug: string, fields: Record<string, string>) => {
		const result = await scheduleMeeting(setup.context, actor, slug, meetingInputSchema.parse({ ...valid, ...fields }));
		if (!result.ok) throw new Error(result.reason);
		return result.value.meetingId;
	};
	const agendaItemOf = new Map<string, string>();
	const addAction = async (meetingId: string, text: string, owner: string, dueOn = '') => {
		if (!agendaItemOf.has(meetingId)) {
			const item = await addAgendaItem(setup.context, actors.coordinator, 'coree', meetingId, { titleFr: 'Suivi', titleKo: '', presenterPersonId: '' });
			if (!item.ok) throw new Error(item.reason);
			agendaItemOf.set(meetingId, item.value.itemId);
		}
		const entry = minutesEntrySchema.parse({ kind: 'action', agendaItemId: agendaItemOf.get(meetingId), textFr: text, owner, dueOn });
		const result = await saveMinutesEntry(setup.context, actors.coordinator, 'coree', meetingId, entry);
		if (!result.ok) throw new Error(result.reason);
		return result.value.id;
	};
	const home = async (actor: Actor, slug = 'coree') => {
		const result = await getGroupHome(setup.context, actor, slug);
		if (!result.ok) throw new Error(result.reason);
		return result.value;
	};
	const todo = async (actor: Actor) => {
		const result = await getMyTodo(setup.context, actor);
		if (!result.ok) throw new Error(result.reason);
		return result.value;
	};
	/**
	 * A forum of the group with an open date poll closing at `closesAt`, a consultation with one
	 * theme, and registrations of interest open until `deadlineAt`.
	 */
	const openForum = async (groupId: string, number: number, closesAt: string, deadlineAt: string) => {
		const db = setup.context.db;
		const at = setup.context.clock().toISOString();
		const forumId = crypto.randomUUID();
		const pollId = crypto.randomUUID();
		const consultationId = crypto.randomUUID();
		await db
			.insertInto('forum')
			.values({
				id: forumId,
				group_id: groupId,
				number,
				title_fr: `Forum ${number}`,
				title_ko: `포럼 ${number}`,
				theme_fr: '',
				theme_ko: '',
				host_country: 'KR',
				host_timezone: 'Asia/Seoul',
				starts_on: null,
				ends_on: null,
				status: 'choosing-dates',
				description_fr: '',
				description_ko: '',
				report_fr: '',
				report_ko: '',
				created_at: at,
				updated_at: at
			})
			.execute();
		await db
			.insertInto('date_poll')
			.values({ id: pollId, forum_id: forumId, status: 'open', closes_at: closesAt, closes_timezone: 'Asia/Seoul', include_alsace_moselle: 0, opened_at: at, closed_at: null, closed_by_user_id: null, chosen_option_id: null, created_at: at, updated_at: at })
			.execute();
		await db.insertInto('theme_consultation').values({ id: consultationId, forum_id: forumId, summary_published_at: null, summary_note_fr: '', summary_note_ko: '', created_at: at, updated_at: at }).execute();
		await db.insertInto('consultation_theme').values({ consultation_id: consultationId, theme_key: 'smart-city', position: 1, appreciated: 0 }).execute();
		await db.insertInto('registration_round').values({ forum_id: forumId, deadline_at: deadlineAt, deadline_timezone: 'Europe/Paris', reminder_days: '[7,2]', opened_at: at, updated_at: at }).execute();
		return { forumId, pollId, consultationId };
	};

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test'); // KIM Hyoung Jin, GAROK France
		actors.member = await actorFor('member@demo.dari.test'); // Louise COULON, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test'); // Morgane MILLON, MEAE
		actors.administrator = await actorFor('admin@demo.dari.test');
		for (const row of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[row.name_fr] = row.id;
		for (const row of await setup.context.db.selectFrom('person').select(['id', 'family_name']).execute()) ids[row.family_name] = row.id;
		for (const row of await setup.context.db.selectFrom('country_group').select(['id', 'slug']).execute()) ids[row.slug] = row.id;

		// The clock reads 2026-11-28 09:00 UTC. A past meeting with published minutes and actions…
		ids.past = await schedule(actors.coordinator, 'coree', { titleFr: 'Réunion de novembre', date: '2026-11-10' });
		ids.overdue = await addAction(ids.past, 'Envoyer la liste des visites', `organisation:${ids['Nantes Métropole']}`, '2026-11-20');
		ids.personal = await addAction(ids.past, 'Relire le programme', `person:${ids.COULON}`, '2026-12-20');
		ids.dijon = await addAction(ids.past, 'Réserver la salle', `organisation:${ids.Dijon}`, '2026-12-01');
		const published = await publishMinutes(setup.context, actors.coordinator, 'coree', ids.past, 'https://dari.test');
		if (!published.ok) throw new Error(published.reason);
		// …a draft meeting with an action (members do not see drafts' actions)…
		ids.draftMeeting = await schedule(actors.coordinator, 'coree', { titleFr: 'Réunion brouillon', date: '2026-10-01' });
		ids.draftAction = await addAction(ids.draftMeeting, 'Action d’un brouillon', `organisation:${ids['Nantes Métropole']}`, '2026-12-02');
		// …and the next meeting, sooner than the demo's of February 2027, with an agenda; invitations sent.
		ids.next = await schedule(actors.coordinator, 'coree', { titleFr: 'Réunion de décembre', date: '2026-12-08' });
		const item = await addAgendaItem(setup.context, actors.coordinator, 'coree', ids.next, { titleFr: 'Forum franco-coréen', titleKo: '한불 포럼', presenterPersonId: '' });
		if (!item.ok) throw new Error(item.reason);
		const invited = await sendInvitations(setup.context, actors.coordinator, 'coree', ids.next, { origin: 'https://dari.test' });
		if (!invited.ok) throw new Error(invited.reason);
		// The Japan group holds a sooner meeting and its own forum: never shown to the Korea group.
		ids.japanMeeting = await schedule(actors.administrator, 'japon', { titleFr: 'Réunion du groupe Japon', date: '2026-11-30' });
		const japan = await openForum(ids.japon, 1, '2026-12-01T09:00:00.000Z', '2026-12-01T22:59:00.000Z');
		ids.japanPoll = japan.pollId;
		ids.japanForum = japan.forumId;
		// Registrations close on 3 December 2026 at 23:59 Paris time.
		const korea = await openForum(ids.coree, 9, '2026-12-05T09:00:00.000Z', '2026-12-03T22:59:00.000Z');
		ids.poll = korea.pollId;
		ids.consultation = korea.consultationId;
		ids.forum = korea.forumId;
	});

	it('shows a member the next meeting with its agenda, the latest published minutes and their organisation’s open actions, overdue marked', async () => {
		const page = await home(actors.member);
		expect(page.group.slug).toBe('coree');
		expect(page.viewerRole).toBe('member');
		expect(page.nextMeeting).toMatchObject({ id: ids.next, title: { fr: 'Réunion de décembre' }, startsAt: '2026-12-08T08:00:00.000Z', timezone: 'Europe/Paris', format: 'video', videoLink: 'https://visio.example.org/x' });
		expect(page.nextMeeting?.agenda.map((entry) => entry.title)).toEqual([{ fr: 'Forum franco-coréen', ko: '한불 포럼' }]);
		expect(page.latestMinutes).toMatchObject({ meetingId: ids.past, title: { fr: 'Réunion de novembre' } });
		expect(page.actions.map((action) => [action.id, action.overdue, action.ownedByViewer])).toEqual([
			[ids.overdue, true, false],
			[ids.personal, false, true]
		]);
		expect(page.actions[0].meeting).toEqual({ id: ids.past, title: { fr: 'Réunion de novembre', ko: '' } });
		expect(page.hasOrganisation).toBe(true);
		expect(page.waiting).toBeNull();
	});

	it('shows the group’s open poll and consultation with whether the member’s organisation answered', async () => {
		const page = await home(actors.member);
		const poll = page.consultations.find((entry) => entry.id === ids.poll);
		expect(poll).toMatchObject({ kind: 'date-poll', forumNumber: 9, closesAt: '2026-12-05T09:00:00.000Z', closesTimezone: 'Asia/Seoul', timeLeft: { amount: 7, unit: 'day' }, answered: false, answerCount: 0 });
		expect(page.consultations.find((entry) => entry.id === ids.consultation)).toMatchObject({ kind: 'consultation', answered: false });
		expect(page.consultations.some((entry) => entry.id === ids.japanPoll)).toBe(false);
	});

	it('shows the registration deadline with the time left and whether the member’s organisation registered; none after the deadline', async () => {
		const page = await home(actors.member);
		expect(page.registrations.find((entry) => entry.id === ids.forum)).toMatchObject({
			forumNumber: 9,
			deadlineAt: '2026-12-03T22:59:00.000Z',
			deadlineTimezone: 'Europe/Paris',
			timeLeft: { amount: 5, unit: 'day' },
			answered: false,
			answerCount: 0
		});
		expect(page.registrations.some((entry) => entry.id === ids.japanForum)).toBe(false);
		setup.context.clock.set('2026-12-03T22:59:00.000Z');
		try {
			expect((await home(actors.member)).registrations.some((entry) => entry.id === ids.forum)).toBe(false);
			expect((await todo(actors.member)).items.some((item) => item.id === ids.forum)).toBe(false);
		} finally {
			setup.context.clock.set('2026-11-28T09:00:00.000Z');
		}
	});

	it('never shows another group’s meetings or forums, and refuses the home of a group one is not in', async () => {
		const page = await home(actors.member);
		expect(page.nextMeeting?.id).not.toBe(ids.japanMeeting);
		expect(await getGroupHome(setup.context, actors.member, 'japon')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getGroupHome(setup.context, anonymous, 'coree')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getGroupHome(setup.context, actors.member, 'nope')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		const japan = await home(actors.administrator, 'japon');
		expect(japan.nextMeeting?.id).toBe(ids.japanMeeting);
		expect(japan.latestMinutes).toBeNull();
		expect(japan.consultations.map((entry) => entry.id)).toContain(ids.japanPoll);
	});

	it('shows a partner without open actions, and the coordinator what waits on them', async () => {
		const partner = await home(actors.partner);
		expect(partner.actions).toEqual([]);
		expect(partner.waiting).toBeNull();
		const coordinator = await home(actors.coordinator);
		expect(coordinator.waiting).not.toBeNull();
		// Every active member and partner of the Korea group has yet to register for forum 9.
		const active = await setup.context.db.selectFrom('group_membership').select('organisation_id').where('group_id', '=', ids.coree).where('status', '=', 'active').execute();
		expect(coordinator.registrations.find((entry) => entry.id === ids.forum)?.unansweredOrganisations).toBe(active.length);
		expect(coordinator.waiting!.registrationsUnanswered).toBeGreaterThanOrEqual(active.length);
		const before = coordinator.waiting!.pollsToClose;
		// Once the poll's closing time has passed, it waits on the coordinator to pick the date.
		setup.context.clock.set('2026-12-05T09:00:00.000Z');
		try {
			expect((await home(actors.coordinator)).waiting!.pollsToClose).toBe(before + 1);
			expect((await home(actors.member)).consultations.find((entry) => entry.id === ids.poll)?.timeLeft).toBeNull();
			// Answers are refused after the closing time: it no longer waits on the member.
			expect((await todo(actors.member)).items.some((item) => item.id === ids.poll)).toBe(false);
		} finally {
			setup.context.clock.set('2026-11-28T09:00:00.000Z');
		}
	});

	it('lists everything waiting on the member, soonest deadline first, each with where to do it', async () => {
		const list = await todo(actors.member);
		const mine = list.items.filter((item) => [ids.overdue, ids.personal, ids.dijon, ids.draftAction, ids.next, ids.poll, ids.consultation, ids.forum, ids.japanPoll, ids.japanForum].includes(item.id));
		expect(mine.map((item) => [item.kind, item.id])).toEqual([
			['action', ids.overdue],
			['registration', ids.forum],
			['date-poll', ids.poll],
			['meeting', ids.next],
			['action', ids.personal],
			['consultation', ids.consultation]
		]);
		expect(mine[0]).toMatchObject({ path: '/groups/coree/actions', overdue: true, deadline: { day: '2026-11-20', zone: 'Europe/Paris' }, meetingTitle: { fr: 'Réunion de novembre' } });
		expect(mine[1]).toMatchObject({ path: '/groups/coree/forums/9/registration', deadline: { at: '2026-12-03T22:59:00.000Z', zone: 'Europe/Paris' }, timeLeft: { amount: 5, unit: 'day' } });
		expect(mine[2]).toMatchObject({ path: '/groups/coree/forums/9/poll', deadline: { at: '2026-12-05T09:00:00.000Z', zone: 'Asia/Seoul' }, timeLeft: { amount: 7, unit: 'day' } });
		expect(mine[3]).toMatchObject({ path: `/groups/coree/meetings/${ids.next}`, title: { fr: 'Réunion de décembre' } });
		expect(mine[5]).toMatchObject({ path: '/groups/coree/forums/9/consultation', deadline: null });
		expect(list.groupCount).toBe(1);
		expect(list.items.every((item) => item.group.slug === 'coree')).toBe(true);
	});

	it('drops what was answered or done: the poll, consultation and registration answered, the meeting answered, the action done', async () => {
		const db = setup.context.db;
		const at = setup.context.clock().toISOString();
		const nantes = ids['Nantes Métropole'];
		await db.insertInto('date_poll_answer').values({ poll_id: ids.poll, organisation_id: nantes, comment: '', answered_by_user_id: null, answered_by_person_id: ids.COULON, answered_at: at }).execute();
		await db.insertInto('consultation_answer').values({ consultation_id: ids.consultation, organisation_id: nantes, answered_by_user_id: null, answered_by_person_id: ids.COULON, answered_at: at }).execute();
		const answered = await answerInvitation(setup.context, actors.member, 'coree', ids.next, 'attending');
		expect(answered.ok).toBe(true);
		await db.updateTable('action_item').set({ status: 'done' }).where('id', '=', ids.personal).execute();
		const unansweredBefore = (await home(actors.coordinator)).registrations.find((entry) => entry.id === ids.forum)!.unansweredOrganisations;
		await db
			.insertInto('registration')
			.values({ id: crypto.randomUUID(), forum_id: ids.forum, organisation_id: nantes, interest: 'yes', head_person_id: ids.COULON, needs_interpretation: 1, needs_diet: '', needs_access: '', expectations: '', version: 1, created_at: at, updated_at: at })
			.execute();

		const list = await todo(actors.member);
		expect(list.items.map((item) => item.id)).toContain(ids.overdue);
		for (const gone of [ids.poll, ids.consultation, ids.forum, ids.next, ids.personal]) expect(list.items.map((item) => item.id)).not.toContain(gone);
		const page = await home(actors.member);
		expect(page.consultations.find((entry) => entry.id === ids.poll)).toMatchObject({ answered: true, answerCount: 1 });
		expect(page.actions.map((action) => action.id)).toEqual([ids.overdue]);
		expect(page.registrations.find((entry) => entry.id === ids.forum)).toMatchObject({ answered: true, answerCount: 1 });
		expect((await home(actors.coordinator)).registrations.find((entry) => entry.id === ids.forum)!.unansweredOrganisations).toBe(unansweredBefore - 1);
		// Another organisation's people still have the poll to answer.
		expect((await home(actors.partner)).consultations.find((entry) => entry.id === ids.poll)).toMatchObject({ answered: false, answerCount: 1 });
	});

	it('gives an account without a group an empty to-do, and asks an anonymous visitor to sign in', async () => {
		const outsider: Actor = { kind: 'user', userId: 'nobody', isAdministrator: false, groupRoles: {} };
		expect(await todo(outsider)).toMatchObject({ items: [], groupCount: 0 });
		expect(await getMyTodo(setup.context, anonymous)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
	});

	it('keeps the demo next meeting when nothing is sooner', async () => {
		setup.context.clock.set('2026-12-09T09:00:00.000Z');
		try {
			expect((await home(actors.member)).nextMeeting?.id).toBe(DEMO_NEXT_MEETING_ID);
		} finally {
			setup.context.clock.set('2026-11-28T09:00:00.000Z');
		}
	});
});
