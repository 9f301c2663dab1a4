import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { refuse, unwrap } from '$lib/server/http/outcome';
import { EXCUSED_FIELD_PREFIX, formatRowChoice, formatSpeakerChoice, PARTICIPANT_FIELD_PREFIX, readConfirmForm } from '$lib/server/meetings/import/import.schema';
import {
	confirmMinutesImport,
	defaultConfirmation,
	getMinutesImportPage,
	previewMinutesFile,
	previewMinutesText,
	type ImportPreview
} from '$lib/server/meetings/import/import.service';
import { MAX_MINUTES_BYTES } from '$lib/server/meetings/import/minutes-file';

export const load: PageServerLoad = async (event) => ({
	page: unwrap(event, await getMinutesImportPage(event.locals.context, event.locals.actor, event.params.slug))
});

/** The form's initial values: what the document says, and the preview's proposal for each speaker and each participant's or excused person's row. */
function initialValues(preview: ImportPreview): Record<string, string> {
	const confirmation = defaultConfirmation(preview);
	return {
		title: confirmation.title,
		date: confirmation.date,
		startTime: confirmation.startTime,
		endTime: confirmation.endTime,
		timezone: confirmation.timezone,
		format: confirmation.format,
		...Object.fromEntries(Object.entries(confirmation.speakers).map(([key, choice]) => [`speaker:${key}`, formatSpeakerChoice(choice)])),
		...Object.fromEntries(preview.participants.map((entry, index) => [`${PARTICIPANT_FIELD_PREFIX}${index}`, formatRowChoice(entry.defaultChoice)])),
		...Object.fromEntries(preview.excused.map((entry, index) => [`${EXCUSED_FIELD_PREFIX}${index}`, formatRowChoice(entry.defaultChoice)]))
	};
}

type Refusal = { ok: false; reason: string; field?: string };
function passRefusal(event: Parameters<typeof refuse>[0], result: Refusal) {
	if (result.reason === 'NOT_FOUND' || result.reason === 'FORBIDDEN' || result.reason === 'UNAUTHENTICATED') refuse(event, result.reason);
}

export const actions: Actions = {
	/** Reads the uploaded document and shows what was recognised; writes nothing. */
	preview: async (event) => {
		let formData: FormData;
		try {
			formData = await event.request.formData();
		} catch {
			return fail(400, { fileError: 'minutes_file_too_large', preview: null, values: {}, errors: {} });
		}
		const file = formData.get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { fileError: 'minutes_file_empty', preview: null, values: {}, errors: {} });
		// Refused before reading it into memory; the service checks again.
		if (file.size > MAX_MINUTES_BYTES) return fail(400, { fileError: 'minutes_file_too_large', preview: null, values: {}, errors: {} });
		const result = await previewMinutesFile(event.locals.context, event.locals.actor, event.params.slug, new Uint8Array(await file.arrayBuffer()));
		if (!result.ok) {
			passRefusal(event, result);
			return fail(400, { fileError: result.reason, preview: null, values: {}, errors: {} });
		}
		return { fileError: null, preview: result.value, values: initialValues(result.value), errors: {} };
	},

	/** Parses the document's text again, with the coordinator's corrections, and creates the meeting. */
	confirm: async (event) => {
		const raw: Record<string, string> = {};
		for (const [key, value] of await event.request.formData()) if (typeof value === 'string') raw[key] = value;
		const again = async (errors: Record<string, string>) => {
			const preview = await previewMinutesText(event.locals.context, event.locals.actor, event.params.slug, raw.text ?? '');
			if (!preview.ok) {
				passRefusal(event, preview);
				return fail(400, { fileError: preview.reason, preview: null, values: {}, errors: {} });
			}
			return fail(400, { fileError: null, preview: preview.value, values: raw, errors });
		};
		const form = readConfirmForm(raw);
		if (!form.ok) return again(form.errors);
		const result = await confirmMinutesImport(event.locals.context, event.locals.actor, event.params.slug, form.data);
		if (!result.ok) {
			passRefusal(event, result);
			return again({ [result.field ?? 'form']: result.reason });
		}
		redirect(303, localizedPath(event.locals.locale, `/groups/${event.params.slug}/meetings/${result.value.meetingId}`));
	}
};
