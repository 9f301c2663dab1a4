/**
 * What a refused form action sent back (`{ action, values, errors }`), read for one action: a page
 * with several forms shows each form's errors and typed values only on that form.
 */
export function actionForm(form: { action?: string; values?: unknown; errors?: unknown } | null | undefined) {
	const of = (action: string, part: 'values' | 'errors'): Record<string, string> => (form?.action === action ? ((form[part] as Record<string, string>) ?? {}) : {});
	return {
		errorsOf: (action: string) => of(action, 'errors'),
		valuesOf: (action: string) => of(action, 'values')
	};
}
