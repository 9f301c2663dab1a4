/**
 * Reading a form submission through a zod schema. On failure it gives back what was typed (never
 * passwords) and one error code per field, which the page shows next to the field in the user's
 * language.
 */
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

export type FormParse<T> =
	| { ok: true; data: T; values: Record<string, string> }
	| { ok: false; values: Record<string, string>; errors: FieldErrors };

/** Fields never sent back to the browser. */
const SECRET_FIELDS = /password/i;

export async function parseForm<S extends z.ZodType>(request: Request, schema: S): Promise<FormParse<z.output<S>>> {
	let formData: FormData;
	try {
		formData = await request.formData();
	} catch {
		return { ok: false, values: {}, errors: { form: 'invalid_choice' } };
	}
	const raw: Record<string, string> = {};
	for (const [key, value] of formData) if (typeof value === 'string') raw[key] = value;
	const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET_FIELDS.test(key)));
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data, values };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		// zod's own messages (e.g. a missing field) are not codes we know: call them "required".
		errors[field] ??= KNOWN_CODES.has(issue.message) ? issue.message : issue.code === 'invalid_type' ? 'required' : 'invalid_choice';
	}
	return { ok: false, values, errors };
}

const KNOWN_CODES = new Set([
	'required',
	'invalid_email',
	'too_long',
	'password_too_short',
	'passwords_differ',
	'invalid_choice',
	'invalid_country',
	'invalid_url',
	'invalid_code',
	'invalid_number',
	'invalid_date',
	'date_before_start',
	'invalid_phone',
	'invalid_partial_date',
	'invalid_slug'
]);
