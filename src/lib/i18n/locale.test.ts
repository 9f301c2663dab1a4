import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, localizedPath, pathWithoutLocale, resolveLocale } from './locale';

describe('choosing the language of a request', () => {
	it('takes the URL first, then the cookie, then Accept-Language, then French', () => {
		expect(resolveLocale({ pathname: '/ko/account', cookie: 'en', acceptLanguage: 'fr' })).toEqual({ locale: 'ko', fromPath: true });
		expect(resolveLocale({ pathname: '/account', cookie: 'en', acceptLanguage: 'ko' })).toEqual({ locale: 'en', fromPath: false });
		expect(resolveLocale({ pathname: '/account', cookie: undefined, acceptLanguage: 'ko-KR,ko;q=0.9,en;q=0.8' })).toEqual({ locale: 'ko', fromPath: false });
		expect(resolveLocale({ pathname: '/', cookie: 'xx', acceptLanguage: 'de-DE,de;q=0.9' })).toEqual({ locale: 'fr', fromPath: false });
	});
	it('follows q-values, not only the order', () => {
		expect(localeFromAcceptLanguage('de;q=1, en;q=0.5, ko;q=0.8')).toBe('ko');
		expect(localeFromAcceptLanguage('en-GB;q=0, fr;q=0.1')).toBe('fr');
		expect(localeFromAcceptLanguage('')).toBeNull();
		expect(localeFromAcceptLanguage('*')).toBeNull();
	});
	it('does not take a path that only starts like a language', () => {
		expect(resolveLocale({ pathname: '/korea', cookie: undefined, acceptLanguage: null }).locale).toBe('fr');
	});
	it('builds and strips language prefixes', () => {
		expect(pathWithoutLocale('/ko/groups/coree')).toBe('/groups/coree');
		expect(pathWithoutLocale('/en')).toBe('/');
		expect(pathWithoutLocale('/groups/coree')).toBe('/groups/coree');
		expect(localizedPath('ko', '/')).toBe('/ko');
		expect(localizedPath('en', '/account')).toBe('/en/account');
	});
});
