/**
 * The theme consultation of a forum edition (issue 5 §4): the coordinator lists themes (from the
 * shared list, or new ones added to it); each member organisation approves them or not and ranks
 * the ones it approves; the results (a bar chart with its table) and a summary of the "themes most
 * appreciated", which the coordinator publishes with a note, as the reference minutes did
 * ("thèmes … particulièrement appréciés", 27 February 2024).
 */
import type { Actor } from '../auth/policy';
import { listThemes } from '../directory/directory.repository';
import type { ForumGroup } from '../forums/forum.service';
import type { ServiceContext } from '../shared/context';
import { newId } from '../shared/identifier';
import { fail, ok, type Result } from '../shared/result';
import { canManageGroup, loadAnswer, loadForum, type Respondent, ownRespondent, respondentOrganisations, type RespondentOrganisation } from './forum-access';
import * as repository from './poll.repository';
import type { ConsultationAnswerInput, ConsultationSummaryInput, ConsultationThemeInput } from './poll.schema';

type Label = { fr: string; ko: string; en: string };

export interface ThemeResult {
	key: string;
	label: Label;
	/** Organisations that approved it, did not, and ranked it first. */
	approvals: number;
	disapprovals: number;
	firstChoices: number;
	/**
	 * Rank points (a Borda count): with n themes, an approved theme ranked r earns n + 1 − r; a theme
	 * not approved earns nothing. Favourites weigh more than themes merely approved.
	 */
	points: number;
	/** Among the published "themes most appreciated". */
	appreciated: boolean;
}

export interface ConsultationAnswer {
	organisation: RespondentOrganisation;
	answeredAt: string | null;
	/** By theme key: approved, and its rank among the approved ones (1 = favourite). */
	themes: Record<string, { approved: boolean; rank: number | null }>;
}

export interface ThemeConsultation {
	id: string;
	publishedAt: string | null;
	note: { fr: string; ko: string };
	/** In the coordinator's order. */
	themes: ThemeResult[];
	/** Most points first (then approvals, then the coordinator's order): the chart's order. */
	ranking: ThemeResult[];
	answers: ConsultationAnswer[];
	answeredCount: number;
}

export interface ConsultationPage {
	group: ForumGroup;
	forum: { id: string; number: number };
	consultation: ThemeConsultation | null;
	/** Results before publication are for those who run the group; members see the published summary. */
	showResults: boolean;
	/** Themes of the shared list not yet in the consultation (coordinators add from them). */
	availableThemes: { key: string; label: Label }[];
	ownOrganisationId: string | null;
	canManage: boolean;
}

/** Counts approvals, first choices and rank points per theme (pure). */
export function consultationResults(
	themes: { key: string; label: Label; appreciated: boolean }[],
	answers: { organisationId: string; themeKey: string; approved: boolean; rank: number | null }[]
): ThemeResult[] {
	return themes.map((theme) => {
		const own = answers.filter((answer) => answer.themeKey === theme.key);
		const approved = own.filter((answer) => answer.approved);
		return {
			...theme,
			approvals: approved.length,
			disapprovals: own.length - approved.length,
			firstChoices: approved.filter((answer) => answer.rank === 1).length,
			points: approved.reduce((sum, answer) => sum + (answer.rank === null ? 1 : Math.max(1, themes.length + 1 - answer.rank)), 0)
		};
	});
}

function byResult(themes: ThemeResult[]): ThemeResult[] {
	return themes
		.map((theme, index) => ({ theme, index }))
		.sort((first, second) => second.theme.points - first.theme.points || second.theme.approvals - first.theme.approvals || first.index - second.index)
		.map(({ theme }) => theme);
}

/** The consultation page: the themes, the viewer's organisation's answer, the results and the summary. */
export async function getThemeConsultation(context: ServiceContext, actor: Respondent, groupSlug: string, forumNumber: string): Promise<Result<ConsultationPage, 'NOT_FOUND'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.view');
	if (!found.ok) return found;
	const { group, forum } = found.value;
	const canManage = canManageGroup(actor, group.id);
	const organisations = await respondentOrganisations(context.db, group.id);
	const row = await repository.findConsultationOfForum(context.db, forum.id);
	let consultation: ThemeConsultation | null = null;
	if (row) {
		const themes = (await repository.listConsultationThemes(context.db, row.id)).map((theme) => ({
			key: theme.theme_key,
			label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en },
			appreciated: Boolean(theme.appreciated)
		}));
		const asked = new Set(organisations.map((organisation) => organisation.id));
		const themeAnswers = (await repository.listConsultationThemeAnswers(context.db, row.id))
			.filter((answer) => asked.has(answer.organisation_id))
			.map((answer) => ({ organisationId: answer.organisation_id, themeKey: answer.theme_key, approved: Boolean(answer.approved), rank: answer.rank === null ? null : Number(answer.rank) }));
		const answeredAt = new Map((await repository.listConsultationAnswers(context.db, row.id)).map((answer) => [answer.organisation_id, answer.answered_at]));
		const results = consultationResults(themes, themeAnswers);
		consultation = {
			id: row.id,
			publishedAt: row.summary_published_at,
			note: { fr: row.summary_note_fr, ko: row.summary_note_ko },
			themes: results,
			ranking: byResult(results),
			answers: organisations.map((organisation) => ({
				organisation,
				answeredAt: answeredAt.get(organisation.id) ?? null,
				themes: Object.fromEntries(
					themeAnswers.filter((answer) => answer.organisationId === organisation.id).map((answer) => [answer.themeKey, { approved: answer.approved, rank: answer.rank }])
				)
			})),
			answeredCount: organisations.filter((organisation) => answeredAt.has(organisation.id)).length
		};
	}
	const inConsultation = new Set(consultation?.themes.map((theme) => theme.key) ?? []);
	return ok({
		group,
		forum: { id: forum.id, number: Number(forum.number) },
		consultation,
		showResults: canManage || Boolean(consultation?.publishedAt),
		availableThemes: canManage
			? (await listThemes(context.db)).filter((theme) => !inConsultation.has(theme.key)).map((theme) => ({ key: theme.key, label: { fr: theme.label_fr, ko: theme.label_ko, en: theme.label_en } }))
			: [],
		ownOrganisationId: ownRespondent(actor, organisations),
		canManage
	});
}

/** "Économie bleue" → "economie-bleue": the key of a new theme, from its English name, else French. */
export function themeKeyOf(label: string): string {
	const key = label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return key || 'theme';
}

/**
 * Adds a theme to the forum's consultation (creating the consultation with its first theme): one of
 * the shared list, or a new one, which joins the shared list for partnerships and practices too.
 * Refused once the summary is published.
 */
export async function addConsultationTheme(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	input: ConsultationThemeInput
): Promise<Result<{ themeKey: string }, 'NOT_FOUND' | 'CONSULTATION_PUBLISHED' | 'INVALID_FIELD'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	const now = context.clock().toISOString();
	return context.db.transaction().execute(async (transaction) => {
		const shared = await listThemes(transaction);
		let themeKey = input.themeKey;
		if (themeKey) {
			if (!shared.some((theme) => theme.key === themeKey)) return fail('INVALID_FIELD', 'themeKey');
		} else {
			const sameName = shared.find((theme) => theme.label_fr.toLocaleLowerCase('fr') === input.labelFr.toLocaleLowerCase('fr'));
			if (sameName) themeKey = sameName.key;
			else {
				const base = themeKeyOf(input.labelEn || input.labelFr);
				themeKey = base;
				for (let suffix = 2; shared.some((theme) => theme.key === themeKey); suffix++) themeKey = `${base}-${suffix}`;
				await repository.insertTheme(transaction, { key: themeKey, fr: input.labelFr, ko: input.labelKo, en: input.labelEn });
			}
		}
		let consultation = await repository.findConsultationOfForum(transaction, found.value.forum.id);
		if (!consultation) {
			consultation = { id: newId(), forum_id: found.value.forum.id, summary_published_at: null, summary_note_fr: '', summary_note_ko: '', created_at: now, updated_at: now };
			await repository.insertConsultation(transaction, consultation);
		}
		if (consultation.summary_published_at) return fail('CONSULTATION_PUBLISHED');
		const themes = await repository.listConsultationThemes(transaction, consultation.id);
		if (themes.some((theme) => theme.theme_key === themeKey)) return fail('INVALID_FIELD', input.themeKey ? 'themeKey' : 'labelFr');
		await repository.insertConsultationTheme(transaction, consultation.id, themeKey, themes.length === 0 ? 1 : Math.max(...themes.map((theme) => Number(theme.position))) + 1);
		await repository.updateConsultation(transaction, consultation.id, { updated_at: now });
		return ok({ themeKey });
	});
}

/** Takes a theme off the consultation, with what organisations said of it. Refused once published. */
export async function removeConsultationTheme(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	themeKey: string
): Promise<Result<{ themeKey: string }, 'NOT_FOUND' | 'CONSULTATION_PUBLISHED'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	return context.db.transaction().execute(async (transaction) => {
		const consultation = await repository.findConsultationOfForum(transaction, found.value.forum.id);
		if (!consultation) return fail('NOT_FOUND');
		if (consultation.summary_published_at) return fail('CONSULTATION_PUBLISHED');
		if (!(await repository.listConsultationThemes(transaction, consultation.id)).some((theme) => theme.theme_key === themeKey)) return fail('NOT_FOUND');
		await repository.deleteConsultationTheme(transaction, consultation.id, themeKey);
		await repository.updateConsultation(transaction, consultation.id, { updated_at: context.clock().toISOString() });
		return ok({ themeKey });
	});
}

/**
 * An organisation approves themes or not and ranks the approved ones (or changes its answer).
 * Ranks are read in order: 1, 3, 7 become 1, 2, 3; an approved theme without a rank, and ties,
 * follow the coordinator's order. Refused once the summary is published.
 */
export async function answerThemeConsultation(
	context: ServiceContext,
	actor: Respondent,
	groupSlug: string,
	forumNumber: string,
	input: ConsultationAnswerInput
): Promise<Result<{ organisationId: string }, 'NOT_FOUND' | 'CONSULTATION_PUBLISHED' | 'NOT_RESPONDENT' | 'INVALID_FIELD'>> {
	const found = await loadAnswer(context, actor, groupSlug, forumNumber, input.organisationId);
	if (!found.ok) return found;
	const { forum, organisation, answeredBy: who } = found.value;
	return context.db.transaction().execute(async (transaction) => {
		const consultation = await repository.findConsultationOfForum(transaction, forum.id);
		if (!consultation) return fail('NOT_FOUND');
		if (consultation.summary_published_at) return fail('CONSULTATION_PUBLISHED');
		const themes = await repository.listConsultationThemes(transaction, consultation.id);
		const unknown = input.approved.find((key) => !themes.some((theme) => theme.theme_key === key));
		if (unknown) return fail('INVALID_FIELD', `approved:${unknown}`);
		const approved = themes
			.filter((theme) => input.approved.includes(theme.theme_key))
			.map((theme, index) => ({ key: theme.theme_key, order: input.ranks[theme.theme_key] ?? Number.MAX_SAFE_INTEGER, index }))
			.sort((first, second) => first.order - second.order || first.index - second.index);
		const rankOf = new Map(approved.map((theme, index) => [theme.key, index + 1]));
		await repository.replaceConsultationAnswer(
			transaction,
			{ consultationId: consultation.id, organisationId: organisation.id, ...who, at: context.clock().toISOString() },
			themes.map((theme) => ({ themeKey: theme.theme_key, approved: rankOf.has(theme.theme_key), rank: rankOf.get(theme.theme_key) ?? null }))
		);
		return ok({ organisationId: organisation.id });
	});
}

/**
 * Publishes (or publishes again) the summary: the themes most appreciated and a note. Members see
 * it on the consultation page; answers are closed from then on.
 */
export async function publishConsultationSummary(
	context: ServiceContext,
	actor: Actor,
	groupSlug: string,
	forumNumber: string,
	input: ConsultationSummaryInput
): Promise<Result<{ publishedAt: string }, 'NOT_FOUND' | 'INVALID_FIELD'>> {
	const found = await loadForum(context, actor, groupSlug, forumNumber, 'group.manage');
	if (!found.ok) return found;
	return context.db.transaction().execute(async (transaction) => {
		const consultation = await repository.findConsultationOfForum(transaction, found.value.forum.id);
		if (!consultation) return fail('NOT_FOUND');
		const themes = await repository.listConsultationThemes(transaction, consultation.id);
		const unknown = input.appreciated.find((key) => !themes.some((theme) => theme.theme_key === key));
		if (unknown) return fail('INVALID_FIELD', `appreciated:${unknown}`);
		if (input.appreciated.length === 0) return fail('INVALID_FIELD', 'appreciated');
		const now = context.clock().toISOString();
		await repository.setAppreciatedThemes(transaction, consultation.id, input.appreciated);
		await repository.updateConsultation(transaction, consultation.id, {
			summary_published_at: consultation.summary_published_at ?? now,
			summary_note_fr: input.noteFr,
			summary_note_ko: input.noteKo,
			updated_at: now
		});
		return ok({ publishedAt: consultation.summary_published_at ?? now });
	});
}
