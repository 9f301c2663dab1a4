import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { demoPracticeId } from '../db/demo-data/practices.demo';
import { getOrganisationRecord } from '../directory/organisation-record.service';
import { MAX_UPLOAD_BYTES } from '../files/upload-validation';
import {
	addPracticeLink,
	addPracticePhoto,
	createPractice,
	deletePracticePhoto,
	getNewPracticeForm,
	getPractice,
	getPracticeEditForm,
	getPracticePhoto,
	listPractices,
	removePracticeLink,
	updatePractice
} from './practice.service';
import { practiceInputSchema, practiceLinkSchema, practicePhotoCaptionSchema, type PracticeInput } from './practice.schema';

const errorsOf = (schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, fields: Record<string, string>) => {
	const parsed = schema.safeParse(fields);
	// The first problem of each field, as parseForm shows it.
	const errors: Record<string, string> = {};
	for (const issue of parsed.success ? [] : parsed.error!.issues) errors[String(issue.path[0])] ??= issue.message;
	return errors;
};

function practiceInput(fields: Record<string, string>): PracticeInput {
	const parsed = practiceInputSchema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const HTML = new TextEncoder().encode('<html><script>alert(1)</script></html>');
const GIF = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');

describe('practice input', () => {
	it('needs a title and a summary in one language at least, and a country code', () => {
		expect(errorsOf(practiceInputSchema, { countryCode: 'fr' })).toEqual({ titleFr: 'required', summaryFr: 'required' });
		expect(errorsOf(practiceInputSchema, { countryCode: 'France', titleKo: '퇴비', summaryKo: '설명' })).toEqual({ countryCode: 'invalid_country' });
		expect(errorsOf(practiceInputSchema, { countryCode: 'KR', titleKo: '퇴비', summaryKo: '설명', titleEn: 'x'.repeat(201) })).toEqual({ titleEn: 'too_long' });
	});
	it('reads the checked organisations and themes', () => {
		const input = practiceInput({ countryCode: 'kr', titleKo: '퇴비', summaryKo: '설명', 'theme:youth': 'on', 'theme:sport': 'on', 'organisation:abc': 'on', other: 'x' });
		expect(input).toMatchObject({ countryCode: 'KR', titleFr: '', themeKeys: ['sport', 'youth'], organisationIds: ['abc'] });
	});
	it('takes only http and https links with a host', () => {
		for (const url of ['javascript:alert(1)', 'ftp://example.org/file', 'https://', '/relative/path', 'http://localhost', 'https://exa mple.org']) {
			expect(errorsOf(practiceLinkSchema, { url }), url).toEqual({ url: 'invalid_url' });
		}
		expect(errorsOf(practiceLinkSchema, { url: '' })).toEqual({ url: 'required' });
		expect(errorsOf(practiceLinkSchema, { url: 'https://www.issy.com/ecoquartiers', label: 'Issy' })).toEqual({});
		expect(errorsOf(practicePhotoCaptionSchema, { caption: '  ' })).toEqual({ caption: 'required' });
	});
});

describeEachDatabase('the good practices library', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const outsider: Actor = { kind: 'user', userId: '00000000-0000-4000-8000-0000000fffff', isAdministrator: false, groupRoles: {}, organisationId: null };
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const count = async (table: 'good_practice' | 'good_practice_link' | 'stored_file' | 'change_log') =>
		Number((await setup.context.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
	const counts = async () => ({ practices: await count('good_practice'), links: await count('good_practice_link'), files: await count('stored_file'), log: await count('change_log') });
	const issyEcoDistricts = demoPracticeId(1);

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise Coulon, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test');
		for (const organisation of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
	});

	it('lists the practices of the minutes, by theme and by country', async () => {
		const library = await listPractices(setup.context, actors.partner, 'coree');
		if (!library.ok) throw new Error(library.reason);
		expect(library.value.practices.map((practice) => practice.title.en)).toEqual([
			"Cœur de ville and Fort d'Issy eco-districts and their waste-management system",
			'Home automation in the Fort district’s buildings, inspired by Korea',
			'Digital campus of the Auvergne-Rhône-Alpes Region',
			'Carré de Soie mission and Grand Plateau (Métropole de Lyon)',
			'Nice urban supervision centre',
			'Composting methods in Korea'
		]);
		expect(library.value.total).toBe(6);
		expect(library.value.canCreate).toBe(false);
		expect(library.value.themes.find((theme) => theme.key === 'smart-city')).toMatchObject({ count: 4, label: { ko: '혁신과 스마트시티' } });
		expect(library.value.themes.find((theme) => theme.key === 'youth')?.count).toBe(0);
		expect(library.value.countries).toEqual([
			{ code: 'FR', count: 5 },
			{ code: 'KR', count: 1 }
		]);
		expect(library.value.practices[3].organisations.map((organisation) => organisation.name.fr)).toEqual(['Métropole de Lyon']);

		const waste = await listPractices(setup.context, actors.member, 'coree', { theme: 'waste-management' });
		expect(waste.ok && waste.value.practices.map((practice) => practice.title.fr)).toEqual([
			"Écoquartiers du Cœur de ville et du Fort d'Issy et leur système de gestion des déchets",
			'Méthodes de compostage en Corée'
		]);
		const korean = await listPractices(setup.context, actors.member, 'coree', { theme: 'waste-management', country: 'kr' });
		expect(korean.ok && korean.value).toMatchObject({ filters: { theme: 'waste-management', country: 'KR' }, practices: [{ countryCode: 'KR', title: { ko: '한국의 퇴비화 방법' } }] });
		// A theme or country the library does not know is no filter at all.
		const unknown = await listPractices(setup.context, actors.member, 'coree', { theme: 'nope', country: 'ZZZ' });
		expect(unknown.ok && unknown.value).toMatchObject({ filters: { theme: null, country: null } });
		expect(unknown.ok && unknown.value.practices).toHaveLength(6);
		expect(unknown.ok && unknown.value.canCreate).toBe(true);
	});

	it('shows nothing to outsiders, and sends anonymous visitors to sign in', async () => {
		expect(await listPractices(setup.context, outsider, 'coree')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await listPractices(setup.context, { kind: 'anonymous' }, 'coree')).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getPractice(setup.context, outsider, 'coree', issyEcoDistricts)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPractice(setup.context, actors.member, 'japon', issyEcoDistricts)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPractice(setup.context, actors.coordinator, 'coree', 'not-an-id')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getPractice(setup.context, actors.coordinator, 'nowhere', issyEcoDistricts)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	it('opens a practice with its texts, organisations and themes; a host that is no member has its record', async () => {
		const practice = await getPractice(setup.context, actors.partner, 'coree', demoPracticeId(4));
		if (!practice.ok) throw new Error(practice.reason);
		expect(practice.value.practice.title).toEqual({
			fr: 'Mission Carré de Soie et Grand Plateau (Métropole de Lyon)',
			ko: '리옹 메트로폴의 카레 드 수아(Carré de Soie) 미션과 그랑 플라토(Grand Plateau)',
			en: 'Carré de Soie mission and Grand Plateau (Métropole de Lyon)'
		});
		expect(practice.value.practice.themes.map((theme) => theme.key)).toEqual(['economic-development', 'smart-city']);
		expect(practice.value.canEdit).toBe(false);
		const lyon = practice.value.practice.organisations[0];
		const record = await getOrganisationRecord(setup.context, actors.member, 'coree', lyon.id);
		expect(record.ok && record.value.organisation).toMatchObject({ officialCode: '200046977', officialCodeScheme: 'siren' });
	});

	it('lets a coordinator add a practice for any organisation, recorded in its history', async () => {
		const form = await getNewPracticeForm(setup.context, actors.coordinator, 'coree');
		if (!form.ok) throw new Error(form.reason);
		expect(form.value.requiredOrganisationId).toBeNull();
		expect(form.value.countries).toEqual(['FR', 'KR']);
		expect(form.value.organisations.map((organisation) => organisation.name.fr)).toEqual(expect.arrayContaining(['Métropole de Lyon', 'Nice', 'Suippes']));
		setup.context.clock.advance(60_000);
		const created = await createPractice(
			setup.context,
			actors.coordinator,
			'coree',
			practiceInput({
				countryCode: 'FR',
				titleFr: 'Jardins partagés de Dijon',
				summaryFr: 'Des jardins partagés ouverts aux habitants.',
				[`organisation:${ids['Dijon']}`]: 'on',
				'theme:sustainable-agriculture': 'on'
			})
		);
		if (!created.ok) throw new Error(created.reason);
		const record = await getPractice(setup.context, actors.member, 'coree', created.value.practiceId);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.practice).toMatchObject({ title: { fr: 'Jardins partagés de Dijon', ko: '', en: '' }, countryCode: 'FR', organisations: [{ name: { fr: 'Dijon' } }] });
		expect(record.value.history).toEqual([
			expect.objectContaining({
				action: 'create',
				by: 'KIM Hyoung Jin',
				changes: { countryCode: 'FR', titleFr: 'Jardins partagés de Dijon', organisations: ['Dijon'], themes: ['sustainable-agriculture'] }
			})
		]);
		const library = await listPractices(setup.context, actors.member, 'coree', { theme: 'sustainable-agriculture' });
		expect(library.ok && library.value.practices.map((practice) => practice.id)).toEqual([created.value.practiceId]);
	});

	it('lets a member add a practice for their own organisation and edit it, not others', async () => {
		const form = await getNewPracticeForm(setup.context, actors.member, 'coree');
		expect(form.ok && form.value.requiredOrganisationId).toBe(ids['Nantes Métropole']);
		// The member's organisation is named even when the box was left unticked.
		const created = await createPractice(
			setup.context,
			actors.member,
			'coree',
			practiceInput({ countryCode: 'FR', titleFr: 'Cours de coréen à Nantes', summaryFr: 'Des cours ouverts à tous.', 'theme:education': 'on', [`organisation:${ids['Issy-les-Moulineaux']}`]: 'on' })
		);
		if (!created.ok) throw new Error(created.reason);
		const record = await getPractice(setup.context, actors.member, 'coree', created.value.practiceId);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.practice.organisations.map((organisation) => organisation.name.fr).sort()).toEqual(['Issy-les-Moulineaux', 'Nantes Métropole']);
		expect(record.value.canEdit).toBe(true);

		// Dropping their own organisation does not take it away: they keep the practice they wrote.
		const edit = await getPracticeEditForm(setup.context, actors.member, 'coree', created.value.practiceId);
		if (!edit.ok) throw new Error(edit.reason);
		const values = Object.fromEntries(Object.entries(edit.value.values).filter(([key]) => key !== `organisation:${ids['Nantes Métropole']}`));
		setup.context.clock.advance(60_000);
		const updated = await updatePractice(setup.context, actors.member, 'coree', created.value.practiceId, practiceInput({ ...values, titleKo: '낭트의 한국어 강좌' }));
		expect(updated).toEqual({ ok: true, value: { changed: ['titleKo'] } });

		const issy = practiceInput({ countryCode: 'FR', titleFr: 'Autre', summaryFr: 'Autre' });
		expect(await updatePractice(setup.context, actors.member, 'coree', issyEcoDistricts, issy)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPracticeEditForm(setup.context, actors.member, 'coree', issyEcoDistricts)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await addPracticeLink(setup.context, actors.member, 'coree', issyEcoDistricts, { url: 'https://example.org', label: '' })).toEqual({ ok: false, reason: 'FORBIDDEN' });
	});

	it('refuses partners and outsiders writing, and writes nothing', async () => {
		const before = await counts();
		const input = practiceInput({ countryCode: 'FR', titleFr: 'Refusée', summaryFr: 'Refusée' });
		expect(await createPractice(setup.context, actors.partner, 'coree', input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await createPractice(setup.context, outsider, 'coree', input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await createPractice(setup.context, { kind: 'anonymous' }, 'coree', input)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect(await getNewPracticeForm(setup.context, actors.partner, 'coree')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await updatePractice(setup.context, actors.partner, 'coree', issyEcoDistricts, input)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await addPracticePhoto(setup.context, actors.partner, 'coree', issyEcoDistricts, { caption: 'x', file: { fileName: 'a.png', size: PNG.length, content: PNG } })).toEqual({
			ok: false,
			reason: 'FORBIDDEN'
		});
		expect(await counts()).toEqual(before);
	});

	it('refuses an unknown country, organisation or theme, and writes nothing', async () => {
		const before = await counts();
		const base = { titleFr: 'Refusée', summaryFr: 'Refusée' };
		expect(await createPractice(setup.context, actors.coordinator, 'coree', practiceInput({ ...base, countryCode: 'XX' }))).toEqual({ ok: false, reason: 'UNKNOWN_COUNTRY', field: 'countryCode' });
		// An organisation of no concern to the group (a member of no group, named by no practice of it).
		const stranger = '00000000-0000-4000-8000-00000000ffff';
		expect(await createPractice(setup.context, actors.coordinator, 'coree', practiceInput({ ...base, countryCode: 'FR', [`organisation:${stranger}`]: 'on' }))).toEqual({
			ok: false,
			reason: 'UNKNOWN_ORGANISATION',
			field: 'organisations'
		});
		expect(await createPractice(setup.context, actors.coordinator, 'coree', practiceInput({ ...base, countryCode: 'FR', 'theme:astrology': 'on' }))).toEqual({ ok: false, reason: 'UNKNOWN_THEME', field: 'themes' });
		expect(await updatePractice(setup.context, actors.coordinator, 'coree', issyEcoDistricts, practiceInput({ ...base, countryCode: 'XX' }))).toMatchObject({ ok: false, reason: 'UNKNOWN_COUNTRY' });
		expect(await counts()).toEqual(before);
	});

	it('edits a practice: only what differs is written, with before and after', async () => {
		const edit = await getPracticeEditForm(setup.context, actors.coordinator, 'coree', issyEcoDistricts);
		if (!edit.ok) throw new Error(edit.reason);
		expect(edit.value.values).toMatchObject({ countryCode: 'FR', 'theme:waste-management': 'on', [`organisation:${ids['Issy-les-Moulineaux']}`]: 'on' });
		setup.context.clock.advance(60_000);
		const { 'theme:smart-city': _dropped, ...kept } = edit.value.values;
		void _dropped;
		const result = await updatePractice(setup.context, actors.coordinator, 'coree', issyEcoDistricts, practiceInput({ ...kept, titleEn: 'Issy eco-districts', 'theme:climate-resilience': 'on' }));
		expect(result).toEqual({ ok: true, value: { changed: ['titleEn', 'themes'] } });
		const record = await getPractice(setup.context, actors.partner, 'coree', issyEcoDistricts);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.practice.themes.map((theme) => theme.key)).toEqual(['climate-energy-water-cleanliness', 'climate-resilience', 'waste-management']);
		expect(record.value.history[0]).toMatchObject({
			action: 'update',
			by: 'KIM Hyoung Jin',
			changes: {
				titleEn: ["Cœur de ville and Fort d'Issy eco-districts and their waste-management system", 'Issy eco-districts'],
				themes: [
					['climate-energy-water-cleanliness', 'smart-city', 'waste-management'],
					['climate-energy-water-cleanliness', 'climate-resilience', 'waste-management']
				]
			}
		});
		const logBefore = await count('change_log');
		const again = await getPracticeEditForm(setup.context, actors.coordinator, 'coree', issyEcoDistricts);
		if (!again.ok) throw new Error(again.reason);
		expect(await updatePractice(setup.context, actors.coordinator, 'coree', issyEcoDistricts, practiceInput(again.value.values))).toEqual({ ok: true, value: { changed: [] } });
		expect(await count('change_log')).toBe(logBefore);
	});

	it('adds and removes links, each change in the history', async () => {
		setup.context.clock.advance(60_000);
		const added = await addPracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(5), { url: 'https://www.nice.fr/', label: 'Ville de Nice' });
		if (!added.ok) throw new Error(added.reason);
		await addPracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(5), { url: 'https://example.org/second', label: '' });
		let record = await getPractice(setup.context, actors.member, 'coree', demoPracticeId(5));
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.practice.links.map((link) => [link.url, link.label])).toEqual([
			['https://www.nice.fr/', 'Ville de Nice'],
			['https://example.org/second', '']
		]);
		expect(record.value.history.map((entry) => entry.changes)).toContainEqual({ linkAdded: 'Ville de Nice <https://www.nice.fr/>' });
		setup.context.clock.advance(60_000);
		expect(await removePracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(5), added.value.linkId)).toEqual({ ok: true, value: { removed: 'https://www.nice.fr/' } });
		expect(await removePracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(5), added.value.linkId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		// A link of another practice is not found through this one.
		const other = await addPracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(6), { url: 'https://example.org/kr', label: '' });
		expect(other.ok && (await removePracticeLink(setup.context, actors.coordinator, 'coree', demoPracticeId(5), other.value.linkId))).toEqual({ ok: false, reason: 'NOT_FOUND' });
		record = await getPractice(setup.context, actors.member, 'coree', demoPracticeId(5));
		expect(record.ok && record.value.practice.links.map((link) => link.url)).toEqual(['https://example.org/second']);
		expect(record.ok && record.value.history[0].changes).toEqual({ linkRemoved: 'Ville de Nice <https://www.nice.fr/>' });
	});

	it('takes images only, at most 10 MB, and serves them back', async () => {
		const practiceId = demoPracticeId(2);
		const before = await counts();
		const refusals = [
			[{ fileName: 'page.png', size: HTML.length, content: HTML }, 'FILE_TYPE'],
			[{ fileName: 'anim.gif', size: GIF.length, content: GIF }, 'FILE_TYPE'],
			// A real PNG named as something else would mislead whoever downloads it.
			[{ fileName: 'report.pdf', size: PNG.length, content: PNG }, 'FILE_TYPE'],
			[{ fileName: 'huge.png', size: MAX_UPLOAD_BYTES + 1, content: null }, 'FILE_TOO_LARGE'],
			[{ fileName: 'empty.png', size: 0, content: new Uint8Array() }, 'FILE_REQUIRED'],
			[null, 'FILE_REQUIRED']
		] as const;
		for (const [file, reason] of refusals) {
			expect(await addPracticePhoto(setup.context, actors.coordinator, 'coree', practiceId, { caption: 'Domotique', file }), file?.fileName).toEqual({ ok: false, reason, field: 'photo' });
		}
		expect(await counts()).toEqual(before);

		setup.context.clock.advance(60_000);
		const added = await addPracticePhoto(setup.context, actors.coordinator, 'coree', practiceId, {
			caption: 'Tableau de commande domotique',
			file: { fileName: 'C:\\photos\\domotique.png', size: PNG.length, content: PNG }
		});
		if (!added.ok) throw new Error(added.reason);
		const record = await getPractice(setup.context, actors.partner, 'coree', practiceId);
		expect(record.ok && record.value.practice.photos).toEqual([
			{ id: added.value.photoId, caption: 'Tableau de commande domotique', fileName: 'domotique.png', mediaType: 'image/png', size: PNG.length }
		]);
		expect(record.ok && record.value.history[0].changes).toEqual({ photoAdded: 'Tableau de commande domotique (domotique.png)' });
		const served = await getPracticePhoto(setup.context, actors.partner, 'coree', practiceId, added.value.photoId);
		if (!served.ok) throw new Error(served.reason);
		expect(served.value).toMatchObject({ mediaType: 'image/png', fileName: 'domotique.png', size: PNG.length });
		expect([...served.value.content]).toEqual([...PNG]);
		expect(await getPracticePhoto(setup.context, outsider, 'coree', practiceId, added.value.photoId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPracticePhoto(setup.context, actors.partner, 'coree', demoPracticeId(1), added.value.photoId)).toEqual({ ok: false, reason: 'NOT_FOUND' });

		expect(await deletePracticePhoto(setup.context, actors.member, 'coree', practiceId, added.value.photoId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await deletePracticePhoto(setup.context, actors.coordinator, 'coree', practiceId, added.value.photoId)).toEqual({ ok: true, value: { deleted: 'domotique.png' } });
		expect(await getPracticePhoto(setup.context, actors.partner, 'coree', practiceId, added.value.photoId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});
});
