import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { getPracticeEditForm, updatePractice } from '$lib/server/practices/practice.service';
import { practiceInputSchema } from '$lib/server/practices/practice.schema';
import { inputProblemError } from '../../practice-form-errors';

export const load: PageServerLoad = async (event) => ({
	edit: unwrap(event, await getPracticeEditForm(event.locals.context, event.locals.actor, event.params.slug, event.params.id))
});

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, practiceInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await updatePractice(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			const error = inputProblemError(result.reason);
			if (error) return fail(400, { values: form.values, errors: error });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${params.id}`)}?saved=${encodeURIComponent(result.value.changed.join(','))}`);
	}
};
