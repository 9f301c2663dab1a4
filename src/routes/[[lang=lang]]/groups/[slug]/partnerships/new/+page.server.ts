import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { readUpload } from '$lib/server/files/upload-validation';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { officialPartnerSearch } from '$lib/server/partnerships/official-search';
import { newPartnershipInputSchema } from '$lib/server/partnerships/partnership.schema';
import { createPartnership, getPartnershipFormOptions } from '$lib/server/partnerships/partnership.service';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const options = unwrap(event, await getPartnershipFormOptions(locals.context, locals.actor, params.slug));
	return { options, search: officialPartnerSearch(url, options.group.countryCode, locals.context.clock().toISOString().slice(0, 10)) };
};

export const actions: Actions = {
	create: async (event) => {
		const { locals, params, request } = event;
		let formData: FormData;
		try {
			formData = await request.clone().formData();
		} catch {
			// A body cut off at the server's size limit (BODY_SIZE_LIMIT, scripts/serve.js) cannot be read.
			return fail(400, { values: {} as Record<string, string>, errors: { document: 'file_too_large' } as Record<string, string> });
		}
		const form = await parseForm(request, newPartnershipInputSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const upload = await readUpload(formData.get('document'));
		const result = await createPartnership(locals.context, locals.actor, params.slug, form.data, upload ? [upload] : []);
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { values: form.values, errors: { [result.field]: result.code } as Record<string, string> });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/partnerships/${result.value.partnershipId}`)}?created=1`);
	}
};
