import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { readUpload } from '$lib/server/files/upload-validation';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { statusChangeInputSchema } from '$lib/server/partnerships/partnership.schema';
import { addPartnershipDocument, getPartnership, recordStatusChange, removePartnershipDocument } from '$lib/server/partnerships/partnership.service';

export const load: PageServerLoad = async (event) => ({
	record: unwrap(event, await getPartnership(event.locals.context, event.locals.actor, event.params.slug, event.params.id))
});

export const actions: Actions = {
	status: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, statusChangeInputSchema);
		if (!form.ok) return fail(400, { action: 'status', values: form.values, errors: form.errors });
		const result = await recordStatusChange(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/partnerships/${params.id}`)}?status=recorded#timeline-heading`);
	},
	upload: async (event) => {
		const { locals, params, request } = event;
		let formData: FormData;
		try {
			formData = await request.formData();
		} catch {
			// A body cut off at the server's size limit (BODY_SIZE_LIMIT, scripts/serve.js) cannot be read.
			return fail(400, { action: 'upload', values: {} as Record<string, string>, errors: { document: 'file_too_large' } as Record<string, string> });
		}
		const result = await addPartnershipDocument(locals.context, locals.actor, params.slug, params.id, await readUpload(formData.get('document')));
		if (!result.ok) {
			if (result.reason === 'INVALID_FIELD') return fail(400, { action: 'upload', values: {} as Record<string, string>, errors: { [result.field]: result.code } as Record<string, string> });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/partnerships/${params.id}`)}?document=added#documents-heading`);
	},
	remove: async (event) => {
		const { locals, params, request } = event;
		const documentId = String((await request.formData()).get('documentId') ?? '');
		const result = await removePartnershipDocument(locals.context, locals.actor, params.slug, params.id, documentId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/partnerships/${params.id}`)}?removed=${encodeURIComponent(result.value.fileName)}#documents-heading`);
	}
};
