import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import {
	addConsultationTheme,
	answerThemeConsultation,
	getThemeConsultation,
	publishConsultationSummary,
	removeConsultationTheme
} from '$lib/server/polls/theme-consultation.service';
import { consultationAnswerSchema, consultationSummarySchema, consultationThemeSchema, themeKeySchema } from '$lib/server/polls/poll.schema';

export const load: PageServerLoad = async (event) => ({
	consultation: unwrap(event, await getThemeConsultation(event.locals.context, event.locals.actor, event.params.slug, event.params.number))
});

type Event = RequestEvent<{ slug: string; number: string; lang?: string }>;
const back = (event: Event, query: string, anchor = '') =>
	redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/forums/${event.params.number}/consultation`)}?${query}${anchor}`);
const refused = (action: string, errors: Record<string, string>, values: Record<string, string> = {}, status = 400) => fail(status, { action, values, errors });

export const actions: Actions = {
	addTheme: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, consultationThemeSchema);
		if (!form.ok) return refused('addTheme', form.errors, form.values);
		const result = await addConsultationTheme(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return refused('addTheme', { [result.field ?? 'themeKey']: 'theme_already_listed' }, form.values);
			if (result.reason === 'CONSULTATION_PUBLISHED') return refused('addTheme', { form: 'consultation_published' }, form.values, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=theme', '#themes-heading');
	},
	removeTheme: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, themeKeySchema);
		if (!form.ok) refuse(event, 'INVALID');
		const result = await removeConsultationTheme(locals.context, locals.actor, params.slug, params.number, form.data.themeKey);
		if (!result.ok) {
			if (result.reason === 'CONSULTATION_PUBLISHED') return refused('themes', { form: 'consultation_published' }, {}, 409);
			refuse(event, result.reason);
		}
		back(event, 'saved=theme', '#themes-heading');
	},
	answer: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, consultationAnswerSchema);
		if (!form.ok) return refused('answer', form.errors, form.values);
		const result = await answerThemeConsultation(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			if (result.reason === 'CONSULTATION_PUBLISHED') return refused('answer', { form: 'consultation_published' }, form.values, 409);
			if (result.reason === 'NOT_RESPONDENT') return refused('answer', { form: 'not_respondent' }, form.values, 403);
			if (result.reason === 'INVALID_FIELD') return refused('answer', { [result.field ?? 'form']: result.field === 'organisationId' && !form.data.organisationId ? 'required' : 'invalid_choice' }, form.values);
			refuse(event, result.reason);
		}
		back(event, 'answered=1', '#answer-heading');
	},
	publish: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, consultationSummarySchema);
		if (!form.ok) return refused('publish', form.errors, form.values);
		const result = await publishConsultationSummary(locals.context, locals.actor, params.slug, params.number, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return refused('publish', { form: 'choose_appreciated' }, form.values);
			refuse(event, result.reason);
		}
		back(event, 'published=1', '#summary-heading');
	}
};
