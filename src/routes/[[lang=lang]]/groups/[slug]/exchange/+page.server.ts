import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { localizedPath } from '$lib/i18n/locale';
import { importConfirmSchema, importKindSchema, MAX_IMPORT_BYTES } from '$lib/server/exchange/exchange.schema';
import { getExchangePage } from '$lib/server/exchange/export.service';
import { confirmImport, previewImport, type ConfirmResult, type PreviewResult } from '$lib/server/exchange/import.service';
import { parseForm } from '$lib/server/http/form';
import { refuse, unwrap } from '$lib/server/http/outcome';

export const load: PageServerLoad = async (event) => {
	const { locals, params, url } = event;
	const imported = url.searchParams.get('imported');
	const count = (name: string) => Number(url.searchParams.get(name) ?? 0) || 0;
	return {
		page: unwrap(event, await getExchangePage(locals.context, locals.actor, params.slug)),
		imported: imported ? { created: count('created'), updated: count('updated'), skipped: count('skipped') } : null
	};
};

/** A file-level refusal as the page shows it; the access refusals leave the page. */
function fileRefusal(event: Parameters<typeof refuse>[0], result: Exclude<PreviewResult | ConfirmResult, { ok: true }>, kind: string, fileName: string) {
	if (result.reason === 'NOT_FOUND' || result.reason === 'FORBIDDEN' || result.reason === 'UNAUTHENTICATED') refuse(event, result.reason);
	return fail(400, { kind, fileName, fileError: result, preview: null, content: null });
}

export const actions: Actions = {
	/** Reads the uploaded file and shows what importing it would do; writes nothing. */
	preview: async (event) => {
		let formData: FormData;
		try {
			formData = await event.request.formData();
		} catch {
			return fail(400, { kind: 'organisations', fileName: '', fileError: { reason: 'MISSING_FILE' as const }, preview: null, content: null });
		}
		const kind = importKindSchema.safeParse(formData.get('kind'));
		const file = formData.get('file');
		const kindValue = kind.success ? kind.data : 'organisations';
		if (!kind.success || !(file instanceof File) || file.size === 0) {
			return fail(400, { kind: kindValue, fileName: '', fileError: { reason: 'MISSING_FILE' as const }, preview: null, content: null });
		}
		const fileName = file.name.slice(0, 255);
		// Checked before reading it into memory; the service checks again.
		if (file.size > MAX_IMPORT_BYTES) {
			return fail(400, { kind: kindValue, fileName, fileError: { reason: 'FILE_TOO_LARGE' as const, maxBytes: MAX_IMPORT_BYTES }, preview: null, content: null });
		}
		const bytes = new Uint8Array(await file.arrayBuffer());
		const result = await previewImport(event.locals.context, event.locals.actor, event.params.slug, { kind: kindValue, bytes });
		if (!result.ok) return fileRefusal(event, result, kindValue, fileName);
		// The file goes back with the preview, so confirming works without JavaScript and without server state.
		const content = result.value.canConfirm ? Buffer.from(bytes).toString('base64') : null;
		return { kind: kindValue, fileName, fileError: null, preview: result.value, content };
	},

	/** Reads the same file again, checks it again, and writes it all or nothing. */
	confirm: async (event) => {
		const form = await parseForm(event.request, importConfirmSchema);
		if (!form.ok) {
			const reason = form.errors.content === 'too_long' ? ('FILE_TOO_LARGE' as const) : ('MISSING_FILE' as const);
			return fail(400, { kind: form.values.kind ?? 'organisations', fileName: form.values.fileName ?? '', fileError: { reason, maxBytes: MAX_IMPORT_BYTES }, preview: null, content: null });
		}
		const { kind, fileName, content } = form.data;
		const bytes = new Uint8Array(Buffer.from(content, 'base64'));
		const result = await confirmImport(event.locals.context, event.locals.actor, event.params.slug, { kind, bytes, fileName });
		if (!result.ok) {
			if (result.reason === 'HAS_ERRORS') return fail(409, { kind, fileName, fileError: null, preview: result.preview, content: null });
			if (result.reason === 'CONFLICT') return fail(409, { kind, fileName, fileError: { reason: 'CONFLICT' as const }, preview: null, content: null });
			return fileRefusal(event, result, kind, fileName);
		}
		const { created, updated, skipped } = result.value;
		redirect(303, `${localizedPath(event.locals.locale, `/groups/${event.params.slug}/exchange`)}?imported=${kind}&created=${created}&updated=${updated}&skipped=${skipped}`);
	}
};
