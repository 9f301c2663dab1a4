import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { officialPartnerSearch } from '$lib/server/partnerships/official-search';
import { partnershipInputSchema } from '$lib/server/partnerships/partnership.schema';
import { getPartnership, getPartnershipFormOptions, updatePartnership } from '$lib/server/partnerships/partnership.service';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const options = unwrap(event, await getPartnershipFormOptions(locals.context, locals.actor, params.slug, params.id));
	const record = unwrap(event, await getPartnership(locals.context, locals.actor, params.slug, params.id));
	return { options, record, search: officialPartnerSearch(url, options.group.countryCode, locals.context.clock().toISOString().slice(0, 10)) };
};

export const actions: Actions = {
	save: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, partnershipInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const result = await updatePartnership(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { values: form.values, errors: { [result.field]: result.code } as Record<string, string> });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/partnerships/${params.id}`)}?saved=${encodeURIComponent(result.value.changed.join(','))}`);
	}
};
