import { sql, type Kysely } from 'kysely';
import { normalizeName } from '../../directory/name-normalization';

/**
 * The shared list of themes (issue 3 §7), used by partnerships, good practices and forums; seeded
 * here, not in the demo data, because a real deployment needs it too. The first four are the
 * field-visit themes GAROK proposed in the reference minutes (27 Feb 2024, item 3), the next three
 * those the participants "particularly appreciated" there.
 */
export const THEMES: { key: string; fr: string; ko: string; en: string }[] = [
	{ key: 'artificial-intelligence', fr: 'Intelligence artificielle', ko: '인공지능', en: 'Artificial intelligence' },
	{ key: 'economic-development', fr: 'Développement économique et attractivité territoriale', ko: '경제 발전과 지역 매력도', en: 'Economic development and attractiveness' },
	{ key: 'culture-tourism-gastronomy', fr: 'Culture, tourisme, gastronomie', ko: '문화·관광·미식', en: 'Culture, tourism, gastronomy' },
	{ key: 'climate-energy-water-cleanliness', fr: 'Climat, énergie, eau et propreté', ko: '기후·에너지·물·청결', en: 'Climate, energy, water and cleanliness' },
	{ key: 'data-management', fr: 'Gestion des données', ko: '데이터 관리', en: 'Data management' },
	{ key: 'climate-resilience', fr: 'Résilience des villes face au changement climatique', ko: '기후변화에 대한 도시 회복력', en: 'Urban resilience to climate change' },
	{ key: 'sustainable-mobility', fr: 'Mobilité durable', ko: '지속 가능한 이동성', en: 'Sustainable mobility' },
	{ key: 'digital-inclusion', fr: 'Inclusion numérique', ko: '디지털 포용', en: 'Digital inclusion' },
	{ key: 'smart-city', fr: 'Innovation et ville intelligente', ko: '혁신과 스마트시티', en: 'Innovation and smart city' },
	{ key: 'waste-management', fr: 'Gestion des déchets', ko: '폐기물 관리', en: 'Waste management' },
	{ key: 'local-diplomacy', fr: 'Diplomatie locale', ko: '지방 외교', en: 'Local diplomacy' },
	{ key: 'youth', fr: 'Jeunesse', ko: '청소년', en: 'Youth' },
	{ key: 'education', fr: 'Éducation', ko: '교육', en: 'Education' },
	{ key: 'sport', fr: 'Sport', ko: '스포츠', en: 'Sport' },
	{ key: 'sustainable-agriculture', fr: 'Agriculture durable', ko: '지속 가능한 농업', en: 'Sustainable agriculture' },
	{ key: 'remembrance', fr: 'Mémoire', ko: '역사 기억', en: 'Remembrance' }
];

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('theme')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('label_fr', 'text', (c) => c.notNull())
		.addColumn('label_ko', 'text', (c) => c.notNull())
		.addColumn('label_en', 'text', (c) => c.notNull())
		.addColumn('position', 'integer', (c) => c.notNull())
		.execute();
	for (const [position, theme] of THEMES.entries()) {
		await db
			.insertInto('theme')
			.values({ key: theme.key, label_fr: theme.fr, label_ko: theme.ko, label_en: theme.en, position })
			.execute();
	}

	// Official identity of an organisation: INSEE (communes), SIREN (EPCI…), ISO 3166-2 or Dari's
	// own code for Korean local governments, so that the same authority cannot be entered twice.
	await db.schema.alterTable('organisation').addColumn('official_code_scheme', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('official_code', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('normalized_name', 'text', (c) => c.notNull().defaultTo('')).execute();
	await db.schema.alterTable('organisation').addColumn('departement_code', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('region_code', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('region_name', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('population', 'integer').execute();
	await db.schema.alterTable('organisation').addColumn('address', 'text').execute();
	await db.schema.alterTable('organisation').addColumn('latitude', 'real').execute();
	await db.schema.alterTable('organisation').addColumn('longitude', 'real').execute();
	await db.schema
		.createIndex('organisation_official_code_unique')
		.on('organisation')
		.columns(['official_code_scheme', 'official_code'])
		.unique()
		.where(sql.ref('official_code'), 'is not', null)
		.execute();
	await db.schema.createIndex('organisation_normalized_name_idx').on('organisation').column('normalized_name').execute();

	const existing = await db.selectFrom('organisation').select(['id', 'name_fr']).execute();
	for (const row of existing) {
		await db.updateTable('organisation').set({ normalized_name: normalizeName(row.name_fr) }).where('id', '=', row.id).execute();
	}
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('organisation_normalized_name_idx').execute();
	await db.schema.dropIndex('organisation_official_code_unique').execute();
	for (const column of ['longitude', 'latitude', 'address', 'population', 'region_name', 'region_code', 'departement_code', 'normalized_name', 'official_code', 'official_code_scheme']) {
		await db.schema.alterTable('organisation').dropColumn(column).execute();
	}
	await db.schema.dropTable('theme').execute();
}
