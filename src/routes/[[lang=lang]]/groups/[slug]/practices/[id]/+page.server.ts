import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { readUpload } from '$lib/server/files/upload-validation';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { addPracticeLink, addPracticePhoto, deletePracticePhoto, getPractice, removePracticeLink } from '$lib/server/practices/practice.service';
import { practiceLinkSchema, practicePhotoCaptionSchema } from '$lib/server/practices/practice.schema';

export const load: PageServerLoad = async (event) => ({
	record: unwrap(event, await getPractice(event.locals.context, event.locals.actor, event.params.slug, event.params.id))
});

const linkChoice = z.object({ linkId: z.string().min(1, 'required') });
const photoChoice = z.object({ photoId: z.string().min(1, 'required') });

/** The service's refusal of a file, as the form's error code (form-errors.ts). */
const PHOTO_ERRORS: Record<string, string> = { FILE_REQUIRED: 'file_required', FILE_TOO_LARGE: 'file_too_large', FILE_TYPE: 'file_type' };

export const actions: Actions = {
	addLink: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, practiceLinkSchema);
		if (!form.ok) return fail(400, { action: 'addLink', values: form.values, errors: form.errors });
		const result = await addPracticeLink(locals.context, locals.actor, params.slug, params.id, form.data);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${params.id}`)}?link=added#links-heading`);
	},
	removeLink: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, linkChoice);
		if (!form.ok) refuse(event, 'NOT_FOUND');
		const result = await removePracticeLink(locals.context, locals.actor, params.slug, params.id, form.data.linkId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${params.id}`)}?link=removed#links-heading`);
	},
	addPhoto: async (event) => {
		const { locals, params, request } = event;
		let formData: FormData;
		try {
			formData = await request.formData();
		} catch {
			return fail(400, { action: 'addPhoto', values: {} as Record<string, string>, errors: { photo: 'file_too_large' } as Record<string, string> });
		}
		const captionText = String(formData.get('caption') ?? '');
		const values: Record<string, string> = { caption: captionText };
		const caption = practicePhotoCaptionSchema.safeParse({ caption: captionText });
		const file = await readUpload(formData.get('photo'));
		if (!caption.success) {
			const errors: Record<string, string> = { caption: caption.error.issues[0]?.message ?? 'required' };
			if (!file) errors.photo = 'file_required';
			return fail(400, { action: 'addPhoto', values, errors });
		}
		const result = await addPracticePhoto(locals.context, locals.actor, params.slug, params.id, { caption: caption.data.caption, file });
		if (!result.ok) {
			const code = PHOTO_ERRORS[result.reason];
			if (code) return fail(400, { action: 'addPhoto', values, errors: { photo: code } as Record<string, string> });
			refuse(event, result.reason);
		}
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${params.id}`)}?photo=added#photos-heading`);
	},
	deletePhoto: async (event) => {
		const { locals, params, request } = event;
		const form = await parseForm(request, photoChoice);
		if (!form.ok) refuse(event, 'NOT_FOUND');
		const result = await deletePracticePhoto(locals.context, locals.actor, params.slug, params.id, form.data.photoId);
		if (!result.ok) refuse(event, result.reason);
		redirect(303, `${localizedPath(locals.locale, `/groups/${params.slug}/practices/${params.id}`)}?photo=deleted#photos-heading`);
	}
};
