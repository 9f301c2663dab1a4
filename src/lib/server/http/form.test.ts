import { describe, expect, it } from 'vitest';
import { invitationSchema, magicLinkRequestSchema, passwordChangeSchema, safeRedirectPath } from '../auth/auth.schema';
import { parseForm } from './form';

function post(fields: Record<string, string>): Request {
	return new Request('http://dari.test/form', { method: 'POST', body: new URLSearchParams(fields) });
}

describe('reading forms', () => {
	it('normalises a valid e-mail', async () => {
		const result = await parseForm(post({ email: '  Louise.Coulon@Nantes.FR ' }), magicLinkRequestSchema);
		expect(result).toMatchObject({ ok: true, data: { email: 'louise.coulon@nantes.fr' } });
	});

	it('gives one error code per field and keeps what was typed', async () => {
		const result = await parseForm(post({ email: 'not an address', name: 'Ulrike MARONNIE', preferredLanguage: 'de' }), invitationSchema);
		expect(result).toEqual({
			ok: false,
			values: { email: 'not an address', name: 'Ulrike MARONNIE', preferredLanguage: 'de' },
			errors: { email: 'invalid_email', preferredLanguage: 'invalid_choice' }
		});
	});

	it('never sends a password back, and checks the confirmation', async () => {
		const result = await parseForm(post({ currentPassword: 'x', newPassword: 'short', confirmPassword: 'other' }), passwordChangeSchema);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.values).toEqual({});
		expect(result.errors.newPassword).toBe('password_too_short');
		const mismatch = await parseForm(post({ newPassword: 'long enough passphrase', confirmPassword: 'long enough passphrasE' }), passwordChangeSchema);
		expect(!mismatch.ok && mismatch.errors).toEqual({ confirmPassword: 'passwords_differ' });
	});

	it('calls a missing field required', async () => {
		const result = await parseForm(post({}), magicLinkRequestSchema);
		expect(!result.ok && result.errors).toEqual({ email: 'required' });
	});

	it('refuses an address longer than SMTP carries', async () => {
		const result = await parseForm(post({ email: `${'a'.repeat(250)}@x.fr` }), magicLinkRequestSchema);
		expect(!result.ok && result.errors).toEqual({ email: 'too_long' });
	});
});

describe('where to go after signing in', () => {
	it('accepts only paths inside Dari', () => {
		expect(safeRedirectPath('/ko/groups/coree')).toBe('/ko/groups/coree');
		expect(safeRedirectPath('https://evil.example')).toBeNull();
		expect(safeRedirectPath('//evil.example/x')).toBeNull();
		expect(safeRedirectPath('/\\evil.example')).toBeNull();
		expect(safeRedirectPath('')).toBeNull();
		expect(safeRedirectPath(null)).toBeNull();
	});
});
