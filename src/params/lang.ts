import type { ParamMatcher } from '@sveltejs/kit';
import { isLocale } from '$lib/paraglide/runtime.js';

/** The optional first path segment is a language only when it is one of ours. */
export const match: ParamMatcher = (value) => isLocale(value);
