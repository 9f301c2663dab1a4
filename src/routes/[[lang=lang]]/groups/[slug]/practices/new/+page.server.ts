import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { createPractice, getNewPracticeForm } from '$lib/server/practices/practice.service';
import { practiceInputSchema } from '$lib/server/practices/practice.schema';
import { inputProblemError } from '../practice-form-errors';

export const load: PageServerLoad = async (event) => ({
	options: unwrap(event, await getNewPracticeForm(event.locals.context, event.locals.actor, event.params.slug))
});

export const actions: Actions = {
	default: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, practiceInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await createPractice(locals.context, locals.actor, params.slug, form.data);
		if (!result.ok) {
			const error = inputProblemError(result.reason);
			if (error) return fail(400, { values: form.values, errors: error });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${result.value.practiceId}`)}?created=1`);
	}
};
