/** The session cookie: HttpOnly, SameSite=Lax, Secure whenever the site is served over HTTPS. */
export const SESSION_COOKIE = 'dari_session';

export function sessionCookieOptions(secure: boolean, expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, expires };
}
