/**
 * A forum service's refusal of a form, as the field errors the page shows next to the fields;
 * null when the refusal is not about a field (the route then refuses the request).
 */
export function forumFieldErrors(result: { reason: string; field?: string }): Record<string, string> | null {
	if (result.reason === 'NUMBER_TAKEN') return { number: 'forum_number_taken' };
	if (result.reason === 'INVALID_FIELD' && result.field) return { [result.field]: 'invalid_choice' };
	return null;
}
