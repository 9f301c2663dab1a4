import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { anonymous, type Actor } from '../auth/policy';
import { loadDemoData } from '../db/demo-data/demo-data';
import { demoIds, insertTestForum, must, signedInActor } from './poll-test-support';
import { consultationAnswerSchema, consultationSummarySchema, consultationThemeSchema } from './poll.schema';
import {
	addConsultationTheme,
	answerThemeConsultation,
	consultationResults,
	getThemeConsultation,
	publishConsultationSummary,
	removeConsultationTheme,
	themeKeyOf
} from './theme-consultation.service';

describe('consultation results', () => {
	const label = (fr: string) => ({ fr, ko: fr, en: fr });
	it('counts approvals and first choices, and weighs favourites with rank points', () => {
		const themes = [
			{ key: 'a', label: label('A'), appreciated: false },
			{ key: 'b', label: label('B'), appreciated: false },
			{ key: 'c', label: label('C'), appreciated: false }
		];
		const results = consultationResults(themes, [
			{ organisationId: 'x', themeKey: 'a', approved: true, rank: 1 },
			{ organisationId: 'x', themeKey: 'b', approved: true, rank: 2 },
			{ organisationId: 'x', themeKey: 'c', approved: false, rank: null },
			{ organisationId: 'y', themeKey: 'a', approved: true, rank: 2 },
			{ organisationId: 'y', themeKey: 'b', approved: true, rank: 1 },
			{ organisationId: 'y', themeKey: 'c', approved: true, rank: 3 }
		]);
		// With three themes, rank 1 earns 3 points, rank 2 two, rank 3 one.
		expect(results.map((theme) => [theme.key, theme.approvals, theme.disapprovals, theme.firstChoices, theme.points])).toEqual([
			['a', 2, 0, 1, 5],
			['b', 2, 0, 1, 5],
			['c', 1, 1, 0, 1]
		]);
	});

	it('makes a key for a new theme from its name', () => {
		expect(themeKeyOf('Économie bleue & océans')).toBe('economie-bleue-oceans');
		expect(themeKeyOf('해양')).toBe('theme');
	});
});

describeEachDatabase('theme consultation', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const actorFor = (email: string) => signedInActor(setup.context, email);
	let forumCounter = 60;
	const newForum = () => insertTestForum(setup.context, ids['group:coree'], ++forumCounter);
	const add = (number: string, fields: Record<string, string>) => addConsultationTheme(setup.context, actors.coordinator, 'coree', number, consultationThemeSchema.parse(fields));

	beforeAll(async () => {
		await loadDemoData(setup.context);
		Object.assign(ids, await demoIds(setup.context));
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Nantes Métropole
		actors.outsider = { kind: 'user', userId: 'nobody', isAdministrator: false, groupRoles: {} };
	});

	it('shows the demo: the 2nd forum\'s seven themes, all four of GAROK approved by everyone, the five of the minutes published', async () => {
		const page = must(await getThemeConsultation(setup.context, actors.member, 'coree', '2'));
		const consultation = page.consultation!;
		expect(consultation.answeredCount).toBe(5);
		expect(page.showResults).toBe(true);
		for (const key of ['artificial-intelligence', 'economic-development', 'culture-tourism-gastronomy', 'climate-energy-water-cleanliness']) {
			expect(consultation.themes.find((theme) => theme.key === key)!.approvals).toBe(5);
		}
		const appreciated = ['artificial-intelligence', 'economic-development', 'climate-resilience', 'data-management', 'sustainable-mobility'];
		// The answers put the published five on top.
		expect(consultation.ranking.slice(0, 5).map((theme) => theme.key)).toEqual(appreciated);
		expect(consultation.ranking.filter((theme) => theme.appreciated).map((theme) => theme.key)).toEqual(appreciated);
		expect(consultation.note.fr).toContain('particulièrement appréciés');
	});

	it('lists themes from the shared list or new ones; members approve and rank; results; a published summary', async () => {
		const number = await newForum();
		for (const themeKey of ['artificial-intelligence', 'economic-development', 'culture-tourism-gastronomy']) must(await add(number, { themeKey }));
		const added = must(await add(number, { labelFr: 'Économie bleue', labelKo: '블루 이코노미', labelEn: 'Blue economy' }));
		expect(added.themeKey).toBe('blue-economy');
		// The new theme joined the shared list.
		expect(await setup.context.db.selectFrom('theme').select('label_ko').where('key', '=', 'blue-economy').executeTakeFirst()).toEqual({ label_ko: '블루 이코노미' });
		expect(await add(number, { themeKey: 'artificial-intelligence' })).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'themeKey' });
		expect(await add(number, { themeKey: 'no-such-theme' })).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'themeKey' });
		must(await removeConsultationTheme(setup.context, actors.coordinator, 'coree', number, 'culture-tourism-gastronomy'));

		// Nantes approves three, ranking economic development first (ranks 4 and 9 read as 1 and 2…).
		must(
			await answerThemeConsultation(
				setup.context,
				actors.member,
				'coree',
				number,
				consultationAnswerSchema.parse({ 'approved:artificial-intelligence': 'on', 'rank:artificial-intelligence': '9', 'approved:economic-development': 'on', 'rank:economic-development': '4', 'approved:blue-economy': 'on' })
			)
		);
		// The coordinator enters Dijon's answer received by e-mail.
		must(
			await answerThemeConsultation(
				setup.context,
				actors.coordinator,
				'coree',
				number,
				consultationAnswerSchema.parse({ organisationId: ids['Dijon'], 'approved:artificial-intelligence': 'on', 'rank:artificial-intelligence': '1' })
			)
		);
		const memberView = must(await getThemeConsultation(setup.context, actors.member, 'coree', number));
		expect(memberView.showResults).toBe(false);
		expect(memberView.consultation!.answers.find((answer) => answer.organisation.id === ids['Nantes Métropole'])!.themes).toEqual({
			'artificial-intelligence': { approved: true, rank: 2 },
			'economic-development': { approved: true, rank: 1 },
			'blue-economy': { approved: true, rank: 3 }
		});
		const view = must(await getThemeConsultation(setup.context, actors.coordinator, 'coree', number));
		expect(view.showResults).toBe(true);
		expect(view.consultation!.answeredCount).toBe(2);
		// Three themes: AI earns 2 (Nantes, rank 2) + 3 (Dijon, rank 1) = 5; economic development 3; blue economy 1.
		expect(view.consultation!.ranking.map((theme) => [theme.key, theme.approvals, theme.disapprovals, theme.points])).toEqual([
			['artificial-intelligence', 2, 0, 5],
			['economic-development', 1, 1, 3],
			['blue-economy', 1, 1, 1]
		]);
		expect(view.availableThemes.some((theme) => theme.key === 'artificial-intelligence')).toBe(false);

		expect(await publishConsultationSummary(setup.context, actors.member, 'coree', number, consultationSummarySchema.parse({ 'appreciated:artificial-intelligence': 'on' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await publishConsultationSummary(setup.context, actors.coordinator, 'coree', number, consultationSummarySchema.parse({}))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'appreciated' });
		setup.context.clock.set('2024-03-01T10:00:00.000Z');
		must(
			await publishConsultationSummary(
				setup.context,
				actors.coordinator,
				'coree',
				number,
				consultationSummarySchema.parse({ 'appreciated:artificial-intelligence': 'on', 'appreciated:economic-development': 'on', noteFr: 'Toutes les propositions sont approuvées.' })
			)
		);
		const published = must(await getThemeConsultation(setup.context, actors.member, 'coree', number));
		expect(published.showResults).toBe(true);
		expect(published.consultation).toMatchObject({ publishedAt: '2024-03-01T10:00:00.000Z', note: { fr: 'Toutes les propositions sont approuvées.', ko: '' } });
		expect(published.consultation!.themes.filter((theme) => theme.appreciated).map((theme) => theme.key)).toEqual(['artificial-intelligence', 'economic-development']);
		// Published: answers and the list are closed.
		expect(await answerThemeConsultation(setup.context, actors.member, 'coree', number, consultationAnswerSchema.parse({}))).toEqual({ ok: false, reason: 'CONSULTATION_PUBLISHED' });
		expect(await add(number, { themeKey: 'youth' })).toEqual({ ok: false, reason: 'CONSULTATION_PUBLISHED' });
	});

	it('answers only for an organisation of one’s own, in a group one belongs to', async () => {
		const number = await newForum();
		must(await add(number, { themeKey: 'youth' }));
		const approve = (extra: Record<string, string> = {}) => consultationAnswerSchema.parse({ 'approved:youth': 'on', ...extra });
		expect(await answerThemeConsultation(setup.context, actors.member, 'coree', number, approve({ organisationId: ids['Dijon'] }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await answerThemeConsultation(setup.context, actors.outsider, 'coree', number, approve())).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await answerThemeConsultation(setup.context, anonymous, 'coree', number, approve())).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await answerThemeConsultation(setup.context, actors.member, 'coree', number, approve({ 'approved:sport': 'on' }))).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'approved:sport' });
		expect(await addConsultationTheme(setup.context, actors.member, 'coree', number, consultationThemeSchema.parse({ themeKey: 'sport' }))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getThemeConsultation(setup.context, actors.member, 'coree', '998')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getThemeConsultation(setup.context, actors.member, 'japon', number)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// A new theme needs its three names.
		expect(consultationThemeSchema.safeParse({ labelFr: 'Océans' }).success).toBe(false);
	});
});
