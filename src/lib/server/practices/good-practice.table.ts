/** A good practice of the library (issue 3 §6): what an authority did that others can learn from. */
export interface GoodPracticeTable {
	id: string;
	group_id: string;
	/** The country where it was done, ISO 3166-1 alpha-2: the library is browsable by country. */
	country_code: string;
	title_fr: string;
	title_ko: string;
	title_en: string;
	summary_fr: string;
	summary_ko: string;
	summary_en: string;
	created_at: string;
	updated_at: string;
	/** Kept by the repository from the titles (search-keys.ts). */
	search_text: string;
	search_initials: string;
}

export interface GoodPracticeOrganisationTable {
	good_practice_id: string;
	organisation_id: string;
}

export interface GoodPracticeThemeTable {
	good_practice_id: string;
	theme_key: string;
}

export interface GoodPracticeLinkTable {
	id: string;
	good_practice_id: string;
	url: string;
	label: string;
	position: number;
}

export interface GoodPracticeTables {
	good_practice: GoodPracticeTable;
	good_practice_organisation: GoodPracticeOrganisationTable;
	good_practice_theme: GoodPracticeThemeTable;
	good_practice_link: GoodPracticeLinkTable;
}
