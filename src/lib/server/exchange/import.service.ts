/**
 * CSV import of organisations and people into a group (issue 3 §10), in two steps:
 * `previewImport` reads the file and says, line by line, what would happen (new, update,
 * unchanged, duplicate, error with the reason) and writes nothing; `confirmImport` reads the same
 * file again from scratch, checks it again against the database as it is now, and writes every
 * line in one transaction, or nothing at all when any line is in error.
 *
 * Lines are matched to what exists: an organisation by its official code, a person by e-mail.
 * A line that repeats an earlier line of the file, or an organisation of the same name (accents,
 * case and punctuation aside) that has no code to tell them apart, is a duplicate: it is shown and
 * skipped, never written twice. Only coordinators of the group and administrators import.
 */
import { authorize, canEditOrganisation, type Actor } from '../auth/policy';
import { isUniqueViolation } from '../db/constraint-errors';
import type { Executor } from '../db/database';
import { recordChange } from '../directory/change-log';
import { isCountryCode } from '../directory/country';
import * as directory from '../directory/directory.repository';
import type { CountryGroupTable, NewOrganisation, NewPerson, OrganisationTable, PersonTable } from '../directory/directory.table';
import { normalizeName } from '../directory/name-normalization';
import { findDuplicateOrganisations } from '../directory/organisation-duplicates';
import { organisationInputSchema, type OrganisationInput } from '../directory/organisation.schema';
import { formatPersonName, titleOnDay } from '../directory/person-name';
import { personInputSchema, type PersonInput } from '../directory/person.schema';
import { changeAffiliation } from '../directory/person.repository';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';
import { ok } from '../shared/result';
import { decodeCsv, readCsvTable, unguardCell, type CsvEncoding, type CsvLine, type CsvSeparator } from './csv-reading';
import * as repository from './exchange.repository';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LINES, ORGANISATION_COLUMNS, PERSON_COLUMNS, readYesNo, type ImportKind } from './exchange.schema';

export type RowStatus = 'new' | 'update' | 'unchanged' | 'duplicate' | 'error';
export const ROW_STATUSES: readonly RowStatus[] = ['new', 'update', 'unchanged', 'duplicate', 'error'];

/** What is wrong with a line: the column (as named in the header) and an error code. */
export interface RowProblem {
	column: string | null;
	/** A form error code (form-errors.ts) or one of the import's own (exchange page messages). */
	code: string;
	/** For 'wrong_column_count': how many cells the header has and the line has. */
	expected?: number;
	found?: number;
}

export interface FieldChange {
	column: string;
	before: string | null;
	after: string | null;
}

export interface PreviewRow {
	line: number;
	status: RowStatus;
	/** The organisation's or person's name as the line writes it. */
	label: string;
	/** People: the organisation of the group the line attaches them to. */
	organisation: string | null;
	changes: FieldChange[];
	/** The organisation becomes (again) a member of the group. */
	joinsGroup: boolean;
	/** Duplicates: the existing record's name, or the earlier line of the file. */
	duplicateOf: { existing: string } | { line: number } | null;
	problems: RowProblem[];
}

export interface ImportPreview {
	kind: ImportKind;
	encoding: CsvEncoding;
	separator: CsvSeparator;
	rows: PreviewRow[];
	counts: Record<RowStatus, number>;
	/** No line in error, and at least one line to write. */
	canConfirm: boolean;
}

/** Why a whole file is refused, before any line is looked at. */
export type FileRefusal =
	| { ok: false; reason: 'FILE_TOO_LARGE'; maxBytes: number }
	| { ok: false; reason: 'TOO_MANY_LINES'; maxLines: number }
	| { ok: false; reason: 'EMPTY_FILE' | 'NOT_CSV' | 'UTF16' }
	| { ok: false; reason: 'MALFORMED_CSV'; line: number }
	| { ok: false; reason: 'BAD_HEADER'; missing: string[]; unknown: string[]; repeated: string[] };

type Refusal = { ok: false; reason: 'NOT_FOUND' | 'UNAUTHENTICATED' | 'FORBIDDEN' };

export type PreviewResult = { ok: true; value: ImportPreview } | FileRefusal | Refusal;

export interface ImportSummary {
	created: number;
	updated: number;
	unchanged: number;
	skipped: number;
}

export type ConfirmResult =
	| { ok: true; value: ImportSummary }
	| FileRefusal
	| Refusal
	/** Some line is in error (the preview says which): nothing was written. */
	| { ok: false; reason: 'HAS_ERRORS'; preview: ImportPreview }
	/** Someone else wrote the same organisation meanwhile: nothing was written; preview again. */
	| { ok: false; reason: 'CONFLICT' };

interface ImportFile {
	kind: ImportKind;
	bytes: Uint8Array;
	fileName?: string;
}

// ————— Reading the file —————

interface Sheet {
	encoding: CsvEncoding;
	separator: CsvSeparator;
	/** Header cells in lower case, '' where a header cell is empty (its column is ignored). */
	columns: string[];
	lines: CsvLine[];
}

function knownColumns(kind: ImportKind) {
	const columns = kind === 'organisations' ? ORGANISATION_COLUMNS : PERSON_COLUMNS;
	const organisation = kind === 'people' ? PERSON_COLUMNS.organisation : [];
	return { required: [...columns.required], organisation: [...organisation], all: new Set<string>([...columns.required, ...organisation, ...columns.optional, ...columns.ignored]) };
}

/** Bytes to a checked sheet: encoding, separator, header. Every refusal names what is wrong. */
function readSheet(file: ImportFile): { ok: true; value: Sheet } | FileRefusal {
	if (file.bytes.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'FILE_TOO_LARGE', maxBytes: MAX_IMPORT_BYTES };
	const decoded = decodeCsv(file.bytes);
	if (!decoded.ok) return { ok: false, reason: decoded.reason };
	const table = readCsvTable(decoded.text);
	if (!table.ok) return table.reason === 'MALFORMED_CSV' ? { ok: false, reason: 'MALFORMED_CSV', line: table.line } : { ok: false, reason: 'EMPTY_FILE' };
	if (table.lines.length > MAX_IMPORT_LINES) return { ok: false, reason: 'TOO_MANY_LINES', maxLines: MAX_IMPORT_LINES };

	const columns = table.header.map((cell) => cell.trim().toLowerCase());
	const named = columns.filter((column) => column !== '');
	const known = knownColumns(file.kind);
	const missing: string[] = known.required.filter((column) => !named.includes(column));
	if (known.organisation.length && !known.organisation.some((column) => named.includes(column))) missing.push(known.organisation.join(' / '));
	const unknown = [...new Set(named.filter((column) => !known.all.has(column)))];
	const repeated = [...new Set(named.filter((column, index) => named.indexOf(column) !== index))];
	if (missing.length || unknown.length || repeated.length) return { ok: false, reason: 'BAD_HEADER', missing, unknown, repeated };
	return { ok: true, value: { encoding: decoded.encoding, separator: table.separator, columns, lines: table.lines } };
}

/** A line's cells by column; null when it has more (non-empty) or fewer cells than the header. */
function cellsOf(sheet: Sheet, line: CsvLine): Map<string, string> | RowProblem {
	const cells = line.cells;
	const extra = cells.slice(sheet.columns.length);
	if (cells.length < sheet.columns.length || extra.some((cell) => cell.trim() !== '')) {
		return { column: null, code: 'wrong_column_count', expected: sheet.columns.length, found: cells.length };
	}
	const values = new Map<string, string>();
	sheet.columns.forEach((column, index) => {
		if (column !== '') values.set(column, unguardCell(cells[index]));
	});
	return values;
}

/** Zod issues to problems named by the file's column. */
function problemsFromIssues(issues: { path: PropertyKey[]; message: string; code: string }[], columnOf: Record<string, string>): RowProblem[] {
	const problems: RowProblem[] = [];
	for (const issue of issues) {
		const column = columnOf[String(issue.path[0])] ?? null;
		if (problems.some((problem) => problem.column === column)) continue;
		problems.push({ column, code: issue.code === 'invalid_type' ? 'required' : issue.message });
	}
	return problems;
}

function text(value: unknown): string | null {
	return value === null || value === undefined ? null : String(value);
}

function emptyPreviewRow(line: number, label: string): PreviewRow {
	return { line, status: 'new', label, organisation: null, changes: [], joinsGroup: false, duplicateOf: null, problems: [] };
}

// ————— Organisations —————

/** Import field → file column, for the organisation schema. */
const ORGANISATION_FIELDS = {
	kind: 'kind',
	countryCode: 'country_code',
	nameFr: 'name_fr',
	nameKo: 'name_ko',
	nameEn: 'name_en',
	website: 'website',
	officialCodeScheme: 'official_code_scheme',
	officialCode: 'official_code',
	departementCode: 'departement_code',
	regionCode: 'region_code',
	regionName: 'region_name',
	population: 'population',
	address: 'address',
	capacity: 'capacity'
} as const satisfies Partial<Record<keyof OrganisationInput, string>>;

/** Columns an update compares, with the table column each is written to. */
const ORGANISATION_UPDATABLE = {
	kind: 'kind',
	country_code: 'country_code',
	name_fr: 'name_fr',
	name_ko: 'name_ko',
	name_en: 'name_en',
	website: 'website',
	official_code_scheme: 'official_code_scheme',
	official_code: 'official_code',
	departement_code: 'departement_code',
	region_code: 'region_code',
	region_name: 'region_name',
	population: 'population',
	address: 'address'
} as const satisfies Record<string, keyof OrganisationTable>;

const COLUMN_OF_ORGANISATION_FIELD: Record<string, string> = ORGANISATION_FIELDS;

type GroupOrganisation = Awaited<ReturnType<typeof repository.listGroupOrganisations>>[number];

type OrganisationPlan =
	| { action: 'create'; line: number; row: NewOrganisation; capacity: 'member' | 'partner' }
	| {
			action: 'update';
			line: number;
			id: string;
			update: Partial<NewOrganisation>;
			changes: Record<string, [unknown, unknown]>;
			membership: { kind: 'insert'; capacity: 'member' | 'partner' } | { kind: 'change'; id: string; status?: 'active'; capacity?: 'member' | 'partner' } | null;
	  };

async function analyseOrganisations(db: Executor, actor: Actor, group: CountryGroupTable, sheet: Sheet, now: Date) {
	const inGroup = new Map((await repository.listGroupOrganisations(db, group.id)).map((row) => [row.id, row]));
	const rows: PreviewRow[] = [];
	const plans: OrganisationPlan[] = [];
	const seenCodes = new Map<string, number>();
	const seenNames = new Map<string, { line: number; code: string | null }[]>();
	const present = new Set(sheet.columns);

	for (const line of sheet.lines) {
		const cells = cellsOf(sheet, line);
		const row = emptyPreviewRow(line.line, cells instanceof Map ? (cells.get('name_fr') ?? '').trim() : '');
		rows.push(row);
		if (!(cells instanceof Map)) {
			row.status = 'error';
			row.problems.push(cells);
			continue;
		}
		const fields: Record<string, string | undefined> = {};
		for (const [field, column] of Object.entries(ORGANISATION_FIELDS)) {
			const value = cells.get(column);
			// An empty capacity takes the default ('member'), as on the form.
			fields[field] = field === 'capacity' && value?.trim() === '' ? undefined : value;
		}
		if (fields.capacity !== undefined) fields.capacity = fields.capacity.trim().toLowerCase();
		if (fields.kind !== undefined) fields.kind = fields.kind.trim().toLowerCase();
		if (fields.officialCodeScheme !== undefined) fields.officialCodeScheme = fields.officialCodeScheme.trim().toLowerCase();
		// "88 665" as French spreadsheets write thousands (spaces, no-break spaces): the same number.
		if (fields.population !== undefined) fields.population = fields.population.replace(/[\s\u00a0\u202f]/g, '');
		const parsed = organisationInputSchema.safeParse(fields);
		if (!parsed.success) {
			row.status = 'error';
			row.problems.push(...problemsFromIssues(parsed.error.issues, COLUMN_OF_ORGANISATION_FIELD));
			continue;
		}
		const input = parsed.data;
		if (!isCountryCode(input.countryCode)) {
			row.status = 'error';
			row.problems.push({ column: 'country_code', code: 'invalid_country' });
			continue;
		}

		// Inside the file first: a line that repeats an earlier one is shown and skipped.
		const codeKey = input.officialCode ? `${input.officialCodeScheme}:${input.officialCode}` : null;
		const nameKey = `${input.countryCode}|${normalizeName(input.nameFr)}`;
		const earlierByCode = codeKey ? seenCodes.get(codeKey) : undefined;
		const earlierByName = (seenNames.get(nameKey) ?? []).find((earlier) => !earlier.code || !codeKey || earlier.code === codeKey);
		if (earlierByCode !== undefined || earlierByName) {
			row.status = 'duplicate';
			row.duplicateOf = { line: earlierByCode ?? earlierByName!.line };
			continue;
		}
		if (codeKey) seenCodes.set(codeKey, line.line);
		seenNames.set(nameKey, [...(seenNames.get(nameKey) ?? []), { line: line.line, code: codeKey }]);

		const duplicates = await findDuplicateOrganisations(db, input);
		if (duplicates?.field === 'nameFr') {
			row.status = 'duplicate';
			row.duplicateOf = { existing: duplicates.rows[0].name_fr };
			continue;
		}
		if (!duplicates) {
			row.status = 'new';
			plans.push({
				action: 'create',
				line: line.line,
				capacity: input.capacity,
				row: {
					id: newId(),
					kind: input.kind,
					country_code: input.countryCode,
					name_fr: input.nameFr,
					name_ko: input.nameKo,
					name_en: input.nameEn,
					website: input.website,
					created_at: now.toISOString(),
					official_code_scheme: input.officialCodeScheme,
					official_code: input.officialCode,
					normalized_name: normalizeName(input.nameFr),
					departement_code: input.departementCode,
					region_code: input.regionCode,
					region_name: input.regionName,
					population: input.population,
					address: input.address,
					latitude: null,
					longitude: null
				}
			});
			continue;
		}

		// The same official code: this line updates that organisation, with the columns the file has.
		const existing = duplicates.rows[0];
		const wanted: Record<keyof typeof ORGANISATION_UPDATABLE, string | number | null> = {
			kind: input.kind,
			country_code: input.countryCode,
			name_fr: input.nameFr,
			name_ko: input.nameKo,
			name_en: input.nameEn,
			website: input.website,
			official_code_scheme: input.officialCodeScheme,
			official_code: input.officialCode,
			departement_code: input.departementCode,
			region_code: input.regionCode,
			region_name: input.regionName,
			population: input.population,
			address: input.address
		};
		const changes: Record<string, [unknown, unknown]> = {};
		const update: Partial<NewOrganisation> = {};
		for (const [column, tableColumn] of Object.entries(ORGANISATION_UPDATABLE) as [keyof typeof ORGANISATION_UPDATABLE, keyof OrganisationTable][]) {
			if (!present.has(column)) continue;
			const before = existing[tableColumn] === null ? null : tableColumn === 'population' ? Number(existing[tableColumn]) : existing[tableColumn];
			if (before !== wanted[column]) {
				changes[column] = [before, wanted[column]];
				(update as Record<string, unknown>)[tableColumn] = wanted[column];
			}
		}
		if ('name_fr' in changes) update.normalized_name = normalizeName(input.nameFr);

		const membership = inGroup.get(existing.id);
		let membershipPlan: Extract<OrganisationPlan, { action: 'update' }>['membership'] = null;
		if (!membership) membershipPlan = { kind: 'insert', capacity: input.capacity };
		else {
			const change: { kind: 'change'; id: string; status?: 'active'; capacity?: 'member' | 'partner' } = { kind: 'change', id: membership.membership_id };
			if (membership.membership_status !== 'active') change.status = 'active';
			if (present.has('capacity') && membership.capacity !== input.capacity) {
				change.capacity = input.capacity;
				changes.capacity = [membership.capacity, input.capacity];
			}
			if (change.status || change.capacity) membershipPlan = change;
		}
		row.joinsGroup = !membership || membership.membership_status !== 'active';

		// An organisation of other groups only: this group may add it, not rewrite its record.
		if (!membership || membership.membership_status !== 'active') {
			const groupIds = await directory.listGroupIdsOfOrganisation(db, existing.id);
			const fieldChanges = Object.keys(changes).filter((column) => column !== 'capacity');
			if (fieldChanges.length && !canEditOrganisation(actor, { id: existing.id, groupIds })) {
				row.status = 'error';
				row.problems.push({ column: 'official_code', code: 'organisation_of_other_group' });
				continue;
			}
		}
		row.changes = Object.entries(changes).map(([column, [before, after]]) => ({ column, before: text(before), after: text(after) }));
		if (row.changes.length === 0 && !row.joinsGroup) {
			row.status = 'unchanged';
			continue;
		}
		row.status = 'update';
		plans.push({ action: 'update', line: line.line, id: existing.id, update, changes, membership: membershipPlan });
	}
	return { rows, plans };
}

async function writeOrganisations(db: Executor, actor: Actor, group: CountryGroupTable, plans: OrganisationPlan[], now: Date): Promise<void> {
	const at = now.toISOString();
	const userId = actor.kind === 'user' ? actor.userId : null;
	for (const plan of plans) {
		if (plan.action === 'create') {
			await directory.insertOrganisation(db, plan.row);
			await directory.insertMembership(db, { id: newId(), group_id: group.id, organisation_id: plan.row.id, capacity: plan.capacity, since: at.slice(0, 10), status: 'active' });
			await recordChange(db, {
				entity_type: 'organisation',
				entity_id: plan.row.id,
				user_id: userId,
				at,
				action: 'create',
				changes: { nameFr: plan.row.name_fr, officialCode: plan.row.official_code, group: group.slug, capacity: plan.capacity, source: 'csv-import', line: plan.line }
			});
			continue;
		}
		if (Object.keys(plan.update).length) await directory.updateOrganisation(db, plan.id, plan.update);
		const changes: Record<string, unknown> = { ...plan.changes };
		if (plan.membership?.kind === 'insert') {
			await directory.insertMembership(db, { id: newId(), group_id: group.id, organisation_id: plan.id, capacity: plan.membership.capacity, since: at.slice(0, 10), status: 'active' });
			changes.group = [null, group.slug];
		} else if (plan.membership) {
			const { id, kind: _kind, ...membershipChanges } = plan.membership;
			await repository.updateMembership(db, id, { ...membershipChanges, ...(membershipChanges.status ? { since: at.slice(0, 10) } : {}) });
			if (membershipChanges.status) changes.group = [null, group.slug];
		}
		await recordChange(db, { entity_type: 'organisation', entity_id: plan.id, user_id: userId, at, action: 'update', changes: { ...changes, source: 'csv-import', line: plan.line } });
	}
}

// ————— People —————

const PERSON_FIELDS = {
	givenName: 'given_name',
	familyName: 'family_name',
	nameOrder: 'name_order',
	email: 'email',
	phone: 'phone',
	preferredLanguage: 'preferred_language',
	publicListingConsent: 'public_listing_consent',
	title: 'current_title',
	titleValidFrom: 'title_valid_from',
	titleValidTo: 'title_valid_to'
} as const satisfies Record<keyof PersonInput, string>;

const COLUMN_OF_PERSON_FIELD: Record<string, string> = PERSON_FIELDS;

type PersonPlan =
	| { action: 'create'; line: number; row: NewPerson; title: { title: string; validFrom: string | null; validTo: string | null } | null; organisationName: string }
	| {
			action: 'update';
			line: number;
			id: string;
			update: Partial<NewPerson>;
			title: { title: string; validFrom: string | null; validTo: string | null; language: PersonTable['preferred_language'] } | null;
			changes: Record<string, [unknown, unknown]>;
	  };

/** The organisation of the group a line names, by official code first, else by name (any of its three). */
function resolveOrganisation(cells: Map<string, string>, organisations: GroupOrganisation[]): { ok: true; organisation: GroupOrganisation } | { ok: false; problem: RowProblem } {
	const code = cells.get('organisation_official_code')?.trim() ?? '';
	if (code !== '') {
		const found = organisations.find((organisation) => organisation.official_code?.toLowerCase() === code.toLowerCase());
		return found ? { ok: true, organisation: found } : { ok: false, problem: { column: 'organisation_official_code', code: 'unknown_organisation' } };
	}
	const name = normalizeName(cells.get('organisation_name') ?? '');
	if (name === '') return { ok: false, problem: { column: cells.has('organisation_name') ? 'organisation_name' : 'organisation_official_code', code: 'organisation_required' } };
	const found = organisations.filter((organisation) => [organisation.name_fr, organisation.name_ko, organisation.name_en].some((candidate) => candidate && normalizeName(candidate) === name));
	if (found.length === 1) return { ok: true, organisation: found[0] };
	return { ok: false, problem: { column: 'organisation_name', code: found.length ? 'ambiguous_organisation' : 'unknown_organisation' } };
}

async function analysePeople(db: Executor, group: CountryGroupTable, sheet: Sheet, now: Date) {
	const today = now.toISOString().slice(0, 10);
	const organisations = (await repository.listGroupOrganisations(db, group.id)).filter((organisation) => organisation.membership_status === 'active');
	const organisationIds = new Set(organisations.map((organisation) => organisation.id));
	const { people, titles } = await directory.listPeopleOfOrganisations(db, [...organisationIds]);
	const emailsInFile = sheet.lines
		.map((line) => cellsOf(sheet, line))
		.map((cells) => (cells instanceof Map ? cells.get('email')?.trim().toLowerCase() : undefined))
		.filter((email): email is string => !!email);
	const byEmail = new Map<string, PersonTable[]>();
	for (const person of await repository.listPeopleByEmails(db, [...new Set(emailsInFile)])) {
		const key = person.email!.toLowerCase();
		byEmail.set(key, [...(byEmail.get(key) ?? []), person]);
	}
	const present = new Set(sheet.columns);
	const rows: PreviewRow[] = [];
	const plans: PersonPlan[] = [];
	const seenEmails = new Map<string, number>();
	const seenNames = new Map<string, { line: number; email: string | null }[]>();

	for (const line of sheet.lines) {
		const cells = cellsOf(sheet, line);
		const row = emptyPreviewRow(line.line, '');
		rows.push(row);
		if (!(cells instanceof Map)) {
			row.status = 'error';
			row.problems.push(cells);
			continue;
		}
		const fields: Record<string, string | undefined> = {};
		for (const [field, column] of Object.entries(PERSON_FIELDS)) fields[field] = cells.get(column);
		// Empty cells of columns with a default take the default, as on the form.
		for (const field of ['nameOrder', 'preferredLanguage'] as const) {
			fields[field] = fields[field]?.trim().toLowerCase() || undefined;
		}
		if (fields.publicListingConsent !== undefined) {
			const answer = readYesNo(fields.publicListingConsent);
			if (answer === null) row.problems.push({ column: 'public_listing_consent', code: 'invalid_boolean' });
			fields.publicListingConsent = answer ?? undefined;
		}
		const parsed = personInputSchema.safeParse(fields);
		row.label = `${(fields.givenName ?? '').trim()} ${(fields.familyName ?? '').trim()}`.trim();
		if (!parsed.success) row.problems.push(...problemsFromIssues(parsed.error.issues, COLUMN_OF_PERSON_FIELD));
		const resolved = resolveOrganisation(cells, organisations);
		if (!resolved.ok) row.problems.push(resolved.problem);
		else row.organisation = resolved.organisation.name_fr;
		if (!parsed.success || !resolved.ok || row.problems.length) {
			row.status = 'error';
			continue;
		}
		const input = parsed.data;
		const organisation = resolved.organisation;
		row.label = formatPersonName(input);

		const email = input.email?.toLowerCase() ?? null;
		const nameKey = `${organisation.id}|${normalizeName(`${input.givenName} ${input.familyName}`)}`;
		const earlierByEmail = email ? seenEmails.get(email) : undefined;
		const earlierByName = (seenNames.get(nameKey) ?? []).find((earlier) => !earlier.email || !email);
		if (earlierByEmail !== undefined || earlierByName) {
			row.status = 'duplicate';
			row.duplicateOf = { line: earlierByEmail ?? earlierByName!.line };
			continue;
		}
		if (email) seenEmails.set(email, line.line);
		seenNames.set(nameKey, [...(seenNames.get(nameKey) ?? []), { line: line.line, email }]);

		const matches = email ? (byEmail.get(email) ?? []) : [];
		const existing = matches.find((person) => person.organisation_id && organisationIds.has(person.organisation_id));
		if (matches.length && !existing) {
			// Someone of another group's organisation: not this group's to move or change.
			row.status = 'error';
			row.problems.push({ column: 'email', code: 'email_outside_group' });
			continue;
		}
		if (!existing) {
			const sameName = people.find(
				(person) =>
					person.organisation_id === organisation.id &&
					normalizeName(`${person.given_name} ${person.family_name}`) === normalizeName(`${input.givenName} ${input.familyName}`) &&
					(!person.email || !email)
			);
			if (sameName) {
				row.status = 'duplicate';
				row.duplicateOf = { existing: formatPersonName({ givenName: sameName.given_name, familyName: sameName.family_name, nameOrder: sameName.name_order }) };
				continue;
			}
			row.status = 'new';
			plans.push({
				action: 'create',
				line: line.line,
				organisationName: organisation.name_fr,
				row: {
					id: newId(),
					given_name: input.givenName,
					family_name: input.familyName,
					name_order: input.nameOrder,
					email: input.email,
					phone: input.phone,
					organisation_id: organisation.id,
					preferred_language: input.preferredLanguage,
					public_listing_consent: input.publicListingConsent ? 1 : 0,
					created_at: now.toISOString()
				},
				title: input.title ? { title: input.title, validFrom: input.titleValidFrom, validTo: input.titleValidTo } : null
			});
			continue;
		}

		// The same e-mail: this line updates that person, with the columns the file has.
		const changes: Record<string, [unknown, unknown]> = {};
		const update: Partial<NewPerson> = {};
		const compare = <K extends keyof NewPerson>(column: string, tableColumn: K, after: NewPerson[K], when = present.has(column)) => {
			const before = existing[tableColumn];
			if (when && before !== after) {
				changes[column] = [before, after];
				update[tableColumn] = after;
			}
		};
		compare('given_name', 'given_name', input.givenName);
		compare('family_name', 'family_name', input.familyName);
		compare('name_order', 'name_order', input.nameOrder, !!fields.nameOrder);
		compare('phone', 'phone', input.phone);
		compare('preferred_language', 'preferred_language', input.preferredLanguage, !!fields.preferredLanguage);
		compare('public_listing_consent', 'public_listing_consent', input.publicListingConsent ? 1 : 0);
		if (existing.organisation_id !== organisation.id) {
			const before = organisations.find((candidate) => candidate.id === existing.organisation_id)?.name_fr ?? null;
			changes.organisation = [before, organisation.name_fr];
			update.organisation_id = organisation.id;
		}
		// A new title is added from its start (today when the file gives none); earlier titles stay in the history.
		let title: Extract<PersonPlan, { action: 'update' }>['title'] = null;
		if (input.title) {
			const own = titles.filter((candidate) => candidate.person_id === existing.id).map((candidate) => ({ ...candidate, validFrom: candidate.valid_from, validTo: candidate.valid_to }));
			const current = titleOnDay(own, today)?.title ?? null;
			if (current !== input.title) {
				changes.current_title = [current, input.title];
				// Written in the person's language: the file's when it gives one, else the one on record.
				title = { title: input.title, validFrom: input.titleValidFrom ?? today, validTo: input.titleValidTo, language: fields.preferredLanguage ? input.preferredLanguage : existing.preferred_language };
			}
		}
		row.changes = Object.entries(changes).map(([column, [before, after]]) => ({
			column,
			before: column === 'public_listing_consent' ? String(Boolean(before)) : text(before),
			after: column === 'public_listing_consent' ? String(Boolean(after)) : text(after)
		}));
		if (row.changes.length === 0) {
			row.status = 'unchanged';
			continue;
		}
		row.status = 'update';
		plans.push({ action: 'update', line: line.line, id: existing.id, update, title, changes });
	}
	return { rows, plans };
}

async function writePeople(db: Executor, actor: Actor, plans: PersonPlan[], now: Date): Promise<void> {
	const at = now.toISOString();
	const userId = actor.kind === 'user' ? actor.userId : null;
	for (const plan of plans) {
		if (plan.action === 'create') {
			await directory.insertPerson(db, plan.row);
			if (plan.title) {
				await directory.insertPersonTitle(db, {
					id: newId(),
					person_id: plan.row.id,
					title: plan.title.title,
					language: plan.row.preferred_language,
					valid_from: plan.title.validFrom,
					valid_to: plan.title.validTo
				});
			}
			await recordChange(db, {
				entity_type: 'person',
				entity_id: plan.row.id,
				user_id: userId,
				at,
				action: 'create',
				changes: {
					name: formatPersonName({ givenName: plan.row.given_name, familyName: plan.row.family_name, nameOrder: plan.row.name_order }),
					organisation: plan.organisationName,
					...(plan.title ? { title: plan.title.title, titleValidFrom: plan.title.validFrom, titleValidTo: plan.title.validTo } : {}),
					source: 'csv-import',
					line: plan.line
				}
			});
			continue;
		}
		if (Object.keys(plan.update).length) await repository.updatePerson(db, plan.id, plan.update);
		// The stay in the former organisation ends today; minutes before it keep showing it (issue 4 §3).
		if (plan.update.organisation_id !== undefined) await changeAffiliation(db, plan.id, plan.update.organisation_id, at.slice(0, 10));
		if (plan.title) {
			await directory.insertPersonTitle(db, { id: newId(), person_id: plan.id, title: plan.title.title, language: plan.title.language, valid_from: plan.title.validFrom, valid_to: plan.title.validTo });
		}
		await recordChange(db, { entity_type: 'person', entity_id: plan.id, user_id: userId, at, action: 'update', changes: { ...plan.changes, source: 'csv-import', line: plan.line } });
	}
}

// ————— The two steps —————

function summarise(kind: ImportKind, sheet: Sheet, rows: PreviewRow[]): ImportPreview {
	const counts = Object.fromEntries(ROW_STATUSES.map((status) => [status, rows.filter((row) => row.status === status).length])) as Record<RowStatus, number>;
	return { kind, encoding: sheet.encoding, separator: sheet.separator, rows, counts, canConfirm: counts.error === 0 && counts.new + counts.update > 0 };
}

async function findGroupToImportInto(context: ServiceContext, actor: Actor, groupSlug: string) {
	const group = await directory.findGroupBySlug(context.db, groupSlug);
	if (!group) return { ok: false as const, reason: 'NOT_FOUND' as const };
	const denied = authorize(actor, 'group.manage', group.id);
	if (denied) return denied;
	return ok(group);
}

async function analyse(db: Executor, actor: Actor, group: CountryGroupTable, kind: ImportKind, sheet: Sheet, now: Date) {
	return kind === 'organisations'
		? { kind, ...(await analyseOrganisations(db, actor, group, sheet, now)) }
		: { kind, ...(await analysePeople(db, group, sheet, now)) };
}

/**
 * Reads an uploaded CSV file and says what importing it would do, line by line; writes nothing.
 * Coordinators of the group and administrators only.
 */
export async function previewImport(context: ServiceContext, actor: Actor, groupSlug: string, file: ImportFile): Promise<PreviewResult> {
	const group = await findGroupToImportInto(context, actor, groupSlug);
	if (!group.ok) return group;
	const sheet = readSheet(file);
	if (!sheet.ok) return sheet;
	const { rows } = await analyse(context.db, actor, group.value, file.kind, sheet.value, context.clock());
	return ok(summarise(file.kind, sheet.value, rows));
}

/**
 * Imports the file: checks it again from scratch and, when no line is in error, writes every new
 * and changed line in one transaction with a change-log entry each (who, when, what, which line).
 * Duplicates and unchanged lines are skipped. All or nothing: any error, nothing is written.
 */
export async function confirmImport(context: ServiceContext, actor: Actor, groupSlug: string, file: ImportFile): Promise<ConfirmResult> {
	const group = await findGroupToImportInto(context, actor, groupSlug);
	if (!group.ok) return group;
	const sheet = readSheet(file);
	if (!sheet.ok) return sheet;
	const now = context.clock();
	try {
		return await context.db.transaction().execute(async (transaction): Promise<ConfirmResult> => {
			// Checked inside the transaction: what is written is what was checked.
			const analysis = await analyse(transaction, actor, group.value, file.kind, sheet.value, now);
			const preview = summarise(file.kind, sheet.value, analysis.rows);
			if (preview.counts.error > 0) return { ok: false, reason: 'HAS_ERRORS', preview };
			if (analysis.kind === 'organisations') await writeOrganisations(transaction, actor, group.value, analysis.plans as OrganisationPlan[], now);
			else await writePeople(transaction, actor, analysis.plans as PersonPlan[], now);
			return ok({
				created: preview.counts.new,
				updated: preview.counts.update,
				unchanged: preview.counts.unchanged,
				skipped: preview.counts.duplicate
			});
		});
	} catch (error) {
		// Another import or form created the same official code between our check and our write.
		if (isUniqueViolation(error)) return { ok: false, reason: 'CONFLICT' };
		throw error;
	}
}
