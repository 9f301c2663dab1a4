import { overwriteGetLocale, isLocale, baseLocale } from '$lib/paraglide/runtime.js';

// The server chose the page's language and wrote it in <html lang>; the browser keeps to it.
overwriteGetLocale(() => {
	const lang = document.documentElement.lang;
	return isLocale(lang) ? lang : baseLocale;
});
