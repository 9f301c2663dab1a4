import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../tests/setup/databases';
import { loadActor, signInWithPassword } from '../auth/auth.service';
import type { Actor } from '../auth/policy';
import { DEMO_PASSWORD, loadDemoData } from '../db/demo-data/demo-data';
import { demoPartnershipId } from '../db/demo-data/partnerships.demo';
import { getOrganisationRecord } from '../directory/organisation-record.service';
import { MAX_UPLOAD_BYTES, type UploadCandidate } from '../files/upload-validation';
import { newPartnershipInputSchema, partnershipInputSchema, statusChangeInputSchema, isPartialDate } from './partnership.schema';
import {
	addPartnershipDocument,
	createPartnership,
	getPartnership,
	getPartnershipDocument,
	getPartnershipFormOptions,
	listOrganisationPartnerships,
	listPartnerships,
	recordStatusChange,
	removePartnershipDocument,
	updatePartnership
} from './partnership.service';

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: unknown[] } } }, fields: Record<string, string>): T {
	const parsed = schema.safeParse(fields);
	if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
	return parsed.data;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const file = (fileName: string, content: Uint8Array): UploadCandidate => ({ fileName, size: content.byteLength, content });

describe('partnership input', () => {
	const errorsOf = (schema: typeof newPartnershipInputSchema | typeof statusChangeInputSchema, fields: Record<string, string>) => {
		const parsed = schema.safeParse(fields);
		// The first error of each field, as parseForm shows it.
		return parsed.success ? {} : Object.fromEntries(parsed.error.issues.toReversed().map((issue) => [issue.path[0], issue.message]));
	};
	it('takes dates as precise as known, and only real ones', () => {
		expect(['2023', '2009-04', '2024-09-30', '2024-02-29'].every(isPartialDate)).toBe(true);
		expect(['23', '2023-13', '2023-02-30', '2023-4', '1850', 'soon', '2023-04-01T10:00'].some(isPartialDate)).toBe(false);
		expect(errorsOf(statusChangeInputSchema, { status: 'signed', onDate: '2023-02-30' })).toEqual({ onDate: 'invalid_partial_date' });
		expect(errorsOf(statusChangeInputSchema, { status: 'married', onDate: '' })).toEqual({ status: 'invalid_choice', onDate: 'required' });
	});
	it('asks for what the chosen foreign side needs, and reads theme checkboxes', () => {
		const base = { frenchOrganisationId: 'x', kind: 'twinning', status: 'idea', statusDate: '2024' };
		expect(errorsOf(newPartnershipInputSchema, { ...base, foreignMode: 'directory' })).toEqual({ foreignOrganisationId: 'required' });
		expect(errorsOf(newPartnershipInputSchema, { ...base, foreignMode: 'official' })).toEqual({ officialPick: 'required' });
		expect(errorsOf(newPartnershipInputSchema, { ...base, foreignMode: 'unidentified' })).toEqual({ foreignRegion: 'required' });
		const parsed = parse(newPartnershipInputSchema, { ...base, foreignMode: 'unidentified', foreignRegion: 'Jeolla', 'theme:youth': 'on', 'theme:sport': 'on', verified: 'on' });
		expect(parsed).toMatchObject({ foreignSide: { mode: 'unidentified', region: 'Jeolla' }, themes: ['youth', 'sport'], verified: true, firstStatus: { status: 'idea', onDate: '2024' } });
	});
});

describeEachDatabase('the partnerships register', (setup) => {
	const actors: Record<string, Actor> = {};
	const ids: Record<string, string> = {};
	const actorFor = async (email: string) => {
		const signedIn = await signInWithPassword(setup.context, { email, password: DEMO_PASSWORD, clientAddress: '127.0.0.1' });
		if (!signedIn.ok) throw new Error(`cannot sign in ${email}`);
		return loadActor(setup.context, signedIn.value.user);
	};
	const countRows = async (table: 'partnership' | 'stored_file' | 'change_log' | 'organisation' | 'partnership_status_event') =>
		Number((await setup.context.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

	beforeAll(async () => {
		await loadDemoData(setup.context);
		actors.coordinator = await actorFor('coordinator@demo.dari.test');
		actors.member = await actorFor('member@demo.dari.test'); // Louise Coulon, Nantes Métropole
		actors.partner = await actorFor('partner@demo.dari.test');
		actors.administrator = await actorFor('admin@demo.dari.test');
		for (const organisation of await setup.context.db.selectFrom('organisation').select(['id', 'name_fr']).execute()) ids[organisation.name_fr] = organisation.id;
	});

	it('lists the demo register with both sides, the current status and its date, and the unverified ones', async () => {
		const list = await listPartnerships(setup.context, actors.partner, 'coree');
		if (!list.ok) throw new Error(list.reason);
		expect(list.value.partnerships).toHaveLength(11);
		expect(list.value.canCreate).toBe(false);
		const issy = list.value.partnerships.find((row) => row.french.name.fr === 'Issy-les-Moulineaux')!;
		expect(issy).toMatchObject({ foreign: { identified: true, name: { ko: '서울특별시 구로구' } }, kind: 'twinning', status: 'active', statusDate: '2017', themes: ['youth'], verified: true });
		const aura = list.value.partnerships.find((row) => row.french.name.fr === 'Région Auvergne-Rhône-Alpes')!;
		expect(aura).toMatchObject({ foreign: { identified: false, countryCode: 'KR' }, status: 'negotiation', statusDate: '2024-02-27' });
		expect(list.value.partnerships.filter((row) => !row.verified).map((row) => row.french.name.fr).sort()).toEqual(['Nantes', 'Reims']);

		const filtered = await listPartnerships(setup.context, actors.member, 'coree', { status: 'signed', theme: 'remembrance' });
		expect(filtered.ok && filtered.value.partnerships.map((row) => row.french.name.fr).sort()).toEqual(['Saint-Mandé', 'Suippes']);
		const letters = await listPartnerships(setup.context, actors.member, 'coree', { kind: 'letter-of-intent' });
		expect(letters.ok && letters.value.partnerships.map((row) => row.french.name.fr)).toEqual(['Reims']);
	});

	it('opens a party that is not a member (Guro-gu) from the group, with its partnerships', async () => {
		const guro = ids['Guro-gu (Séoul)'];
		const record = await getOrganisationRecord(setup.context, actors.member, 'coree', guro);
		expect(record.ok).toBe(true);
		const partnerships = await listOrganisationPartnerships(setup.context, actors.member, 'coree', guro);
		expect(partnerships.ok && partnerships.value.map((row) => row.french.name.fr)).toEqual(['Issy-les-Moulineaux']);
		expect(await getOrganisationRecord(setup.context, actors.administrator, 'japon', guro)).toEqual({ ok: false, reason: 'NOT_FOUND' });
	});

	let created = '';

	it('lets the coordinator create one with a Korean government from the official list, reusing the record of a known code', async () => {
		const before = await countRows('organisation');
		const input = parse(newPartnershipInputSchema, {
			frenchOrganisationId: ids['Dijon'],
			foreignMode: 'official',
			officialPick: 'kr-local:KR-11:guro-gu',
			kind: 'friendship-protocol',
			status: 'idea',
			statusDate: '2024-06',
			statusNote: 'Première rencontre',
			'theme:smart-city': 'on',
			descriptionFr: 'Villes intelligentes',
			descriptionKo: '스마트시티',
			sources: 'Compte-rendu',
			verified: 'on'
		});
		const result = await createPartnership(setup.context, actors.coordinator, 'coree', input, [file('protocole.pdf', PDF)]);
		if (!result.ok) throw new Error(JSON.stringify(result));
		created = result.value.partnershipId;
		expect(await countRows('organisation')).toBe(before);
		const record = await getPartnership(setup.context, actors.partner, 'coree', created);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.partnership).toMatchObject({ foreign: { identified: true, organisationId: ids['Guro-gu (Séoul)'] }, status: 'idea', statusDate: '2024-06', themes: ['smart-city'], descriptionKo: '스마트시티' });
		expect(record.value.documents).toMatchObject([{ fileName: 'protocole.pdf', mediaType: 'application/pdf', size: PDF.byteLength }]);
		expect(record.value.history).toMatchObject([{ action: 'create', by: 'KIM Hyoung Jin', changes: { frenchOrganisation: 'Dijon', foreignOrganisation: 'Guro-gu (Séoul)', status: 'idea' } }]);
		expect(record.value.canEdit).toBe(false);
	});

	it('creates the organisation of an official pick that is not in the directory yet, once', async () => {
		const before = await countRows('organisation');
		const input = parse(newPartnershipInputSchema, {
			frenchOrganisationId: ids['Dijon'],
			foreignMode: 'official',
			officialPick: 'kr-local:KR-11:gangnam-gu',
			kind: 'letter-of-intent',
			status: 'idea',
			statusDate: '2025'
		});
		const first = await createPartnership(setup.context, actors.coordinator, 'coree', input);
		const second = await createPartnership(setup.context, actors.coordinator, 'coree', input);
		expect(first.ok && second.ok).toBe(true);
		expect(await countRows('organisation')).toBe(before + 1);
		const gangnam = await setup.context.db.selectFrom('organisation').selectAll().where('official_code', '=', 'KR-11:gangnam-gu').execute();
		expect(gangnam).toMatchObject([{ name_ko: '서울특별시 강남구', kind: 'autonomous-gu', country_code: 'KR' }]);
		const history = await setup.context.db.selectFrom('change_log').select(['action']).where('entity_id', '=', gangnam[0].id).execute();
		expect(history).toEqual([{ action: 'create' }]);
		// A French authority is no partner of the Korea group's foreign side.
		const french = await createPartnership(setup.context, actors.coordinator, 'coree', { ...input, foreignSide: { mode: 'official', pick: 'insee:37261' } });
		expect(french).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'officialPick', code: 'invalid_choice' });
	});

	it('keeps the timeline in date order; the current status is the latest-dated one', async () => {
		const change = (status: string, onDate: string, note = '') => (setup.context.clock.advance(1000), recordStatusChange)(setup.context, actors.coordinator, 'coree', created, parse(statusChangeInputSchema, { status, onDate, note }));
		expect(await change('signed', '2025-03-14', 'Signature à Séoul')).toEqual({ ok: true, value: { status: 'signed' } });
		expect(await change('negotiation', '2024-11')).toEqual({ ok: true, value: { status: 'signed' } });
		expect(await change('active', '2026')).toEqual({ ok: true, value: { status: 'active' } });
		const record = await getPartnership(setup.context, actors.member, 'coree', created);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.timeline.map((event) => [event.onDate, event.status])).toEqual([
			['2024-06', 'idea'],
			['2024-11', 'negotiation'],
			['2025-03-14', 'signed'],
			['2026', 'active']
		]);
		expect(record.value.partnership).toMatchObject({ status: 'active', statusDate: '2026' });
		expect(record.value.history[0]).toMatchObject({ action: 'update', changes: { statusEvent: { status: 'active', onDate: '2026' }, status: ['signed', 'active'] } });
	});

	it('records a partner to be identified with its country and region', async () => {
		const result = await createPartnership(
			setup.context,
			actors.member,
			'coree',
			parse(newPartnershipInputSchema, { frenchOrganisationId: ids['Nantes Métropole'], foreignMode: 'unidentified', foreignRegion: 'Jeollanam-do', kind: 'cooperation-agreement', status: 'idea', statusDate: '2026-01' })
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
		const record = await getPartnership(setup.context, actors.member, 'coree', result.value.partnershipId);
		if (!record.ok) throw new Error(record.reason);
		expect(record.value.partnership.foreign).toEqual({ identified: false, countryCode: 'KR', region: 'Jeollanam-do' });
		expect(record.value.canEdit).toBe(true);
		expect(record.value.formValues).toMatchObject({ foreignMode: 'unidentified', foreignRegion: 'Jeollanam-do' });

		// Then the partner is found: the member names it, and only that is recorded.
		setup.context.clock.advance(1000);
		const input = parse(partnershipInputSchema, { ...record.value.formValues, foreignMode: 'directory', foreignOrganisationId: ids['Guro-gu (Séoul)'] });
		expect(await updatePartnership(setup.context, actors.member, 'coree', result.value.partnershipId, input)).toEqual({ ok: true, value: { changed: ['foreignOrganisation'] } });
		const after = await getPartnership(setup.context, actors.member, 'coree', result.value.partnershipId);
		expect(after.ok && after.value.history[0].changes).toEqual({ foreignOrganisation: ['? (Jeollanam-do)', 'Guro-gu (Séoul)'] });
		expect(await updatePartnership(setup.context, actors.member, 'coree', result.value.partnershipId, input)).toEqual({ ok: true, value: { changed: [] } });
	});

	it('refuses a member of another organisation, a partner, and anyone outside the group', async () => {
		const before = { partnerships: await countRows('partnership'), log: await countRows('change_log'), events: await countRows('partnership_status_event') };
		const issyGuro = demoPartnershipId(1);
		const status = parse(statusChangeInputSchema, { status: 'dormant', onDate: '2026' });
		expect(await recordStatusChange(setup.context, actors.member, 'coree', issyGuro, status)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await recordStatusChange(setup.context, actors.partner, 'coree', issyGuro, status)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await addPartnershipDocument(setup.context, actors.member, 'coree', issyGuro, file('x.pdf', PDF))).toEqual({ ok: false, reason: 'FORBIDDEN' });
		const issy = await getPartnership(setup.context, actors.coordinator, 'coree', issyGuro);
		if (!issy.ok) throw new Error(issy.reason);
		const edit = parse(partnershipInputSchema, { ...issy.value.formValues, descriptionFr: 'Changed' });
		expect(await updatePartnership(setup.context, actors.member, 'coree', issyGuro, edit)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPartnershipFormOptions(setup.context, actors.partner, 'coree')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPartnershipFormOptions(setup.context, actors.member, 'coree', issyGuro)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// A member puts only their own organisation on the French side.
		const options = await getPartnershipFormOptions(setup.context, actors.member, 'coree');
		expect(options.ok && options.value.frenchOrganisations.map((choice) => choice.name.fr)).toEqual(['Nantes Métropole']);
		const forIssy = parse(newPartnershipInputSchema, { frenchOrganisationId: ids['Issy-les-Moulineaux'], foreignMode: 'unidentified', foreignRegion: 'Busan', kind: 'twinning', status: 'idea', statusDate: '2026' });
		expect(await createPartnership(setup.context, actors.member, 'coree', forIssy)).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'frenchOrganisationId', code: 'not_your_organisation' });
		expect(await createPartnership(setup.context, actors.partner, 'coree', forIssy)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		// Another group: its pages are closed; this group's partnership is not found through it.
		expect(await listPartnerships(setup.context, actors.member, 'japon')).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPartnership(setup.context, actors.member, 'japon', issyGuro)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		expect(await getPartnership(setup.context, actors.administrator, 'japon', issyGuro)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getPartnership(setup.context, actors.member, 'coree', 'not-an-id')).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await getPartnership(setup.context, { kind: 'anonymous' }, 'coree', issyGuro)).toEqual({ ok: false, reason: 'UNAUTHENTICATED' });
		expect({ partnerships: await countRows('partnership'), log: await countRows('change_log'), events: await countRows('partnership_status_event') }).toEqual(before);
	});

	it('checks uploads by their bytes and size, writing nothing when refused', async () => {
		const before = { files: await countRows('stored_file'), log: await countRows('change_log') };
		const tooLarge: UploadCandidate = { fileName: 'scan.pdf', size: MAX_UPLOAD_BYTES + 1, content: null };
		const refusals = [
			[file('programme.pdf', new TextEncoder().encode('<html><script>alert(1)</script>')), 'file_type'],
			[file('photo.pdf', PNG), 'file_type'],
			[file('archive.docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'file_type'],
			[tooLarge, 'file_too_large'],
			[file('empty.pdf', new Uint8Array()), 'file_required']
		] as const;
		for (const [upload, code] of refusals) {
			expect(await addPartnershipDocument(setup.context, actors.coordinator, 'coree', created, upload)).toEqual({ ok: false, reason: 'INVALID_FIELD', field: 'document', code });
		}
		const input = parse(newPartnershipInputSchema, { frenchOrganisationId: ids['Dijon'], foreignMode: 'unidentified', foreignRegion: 'Busan', kind: 'twinning', status: 'idea', statusDate: '2026' });
		const partnershipsBefore = await countRows('partnership');
		expect(await createPartnership(setup.context, actors.coordinator, 'coree', input, [file('ok.pdf', PDF), tooLarge])).toMatchObject({ ok: false, field: 'document', code: 'file_too_large' });
		expect(await countRows('partnership')).toBe(partnershipsBefore);
		expect({ files: await countRows('stored_file'), log: await countRows('change_log') }).toEqual(before);

		setup.context.clock.advance(1000);
		const added = await addPartnershipDocument(setup.context, actors.coordinator, 'coree', created, file('photo de la signature.png', PNG));
		if (!added.ok) throw new Error(JSON.stringify(added));
		const download = await getPartnershipDocument(setup.context, actors.partner, 'coree', created, added.value.documentId);
		expect(download.ok && [download.value.mediaType, [...download.value.content]]).toEqual(['image/png', [...PNG]]);
		expect(await getPartnershipDocument(setup.context, actors.partner, 'coree', demoPartnershipId(1), added.value.documentId)).toEqual({ ok: false, reason: 'NOT_FOUND' });
		expect(await removePartnershipDocument(setup.context, actors.member, 'coree', created, added.value.documentId)).toEqual({ ok: false, reason: 'FORBIDDEN' });
		setup.context.clock.advance(1000);
		expect(await removePartnershipDocument(setup.context, actors.coordinator, 'coree', created, added.value.documentId)).toEqual({ ok: true, value: { fileName: 'photo de la signature.png' } });
		const record = await getPartnership(setup.context, actors.coordinator, 'coree', created);
		expect(record.ok && record.value.history.slice(0, 2).map((entry) => entry.changes)).toEqual([{ documentRemoved: 'photo de la signature.png' }, { documentAdded: 'photo de la signature.png' }]);
	});
});
