import { z } from 'zod';

export const LANGUAGES = ['fr', 'ko', 'en'] as const;

/** 254 characters: the longest address SMTP can carry (RFC 5321 path limit). */
export const emailSchema = z
	.string()
	.trim()
	.min(1, 'required')
	.max(254, 'too_long')
	.pipe(z.email('invalid_email'))
	.transform((value) => value.toLowerCase());

/** 12 characters minimum (NIST SP 800-63B allows 8; 12 is CNIL's recommendation for a password alone); 200 so hashing stays cheap. */
export const newPasswordSchema = z.string().min(12, 'password_too_short').max(200, 'too_long');

/** 120 characters: longer than any name in the reference minutes with room for double names. */
export const nameSchema = z.string().trim().min(1, 'required').max(120, 'too_long');

export const languageSchema = z.enum(LANGUAGES, { message: 'invalid_choice' });

export const magicLinkRequestSchema = z.object({ email: emailSchema });

export const passwordSignInSchema = z.object({
	email: emailSchema,
	password: z.string().min(1, 'required').max(200, 'too_long')
});

export const accountProfileSchema = z.object({ name: nameSchema, preferredLanguage: languageSchema });

export const passwordChangeSchema = z
	.object({
		currentPassword: z.string().max(200, 'too_long').default(''),
		newPassword: newPasswordSchema,
		confirmPassword: z.string()
	})
	.refine((value) => value.newPassword === value.confirmPassword, {
		message: 'passwords_differ',
		path: ['confirmPassword']
	});

export const invitationSchema = z.object({
	email: emailSchema,
	name: z.string().trim().max(120, 'too_long').default(''),
	preferredLanguage: languageSchema,
	groupId: z.string().trim().default(''),
	role: z.enum(['', 'coordinator', 'partner', 'member'], { message: 'invalid_choice' }).default('')
});

export const invitationAcceptanceSchema = z
	.object({
		name: nameSchema,
		preferredLanguage: languageSchema,
		password: z.union([z.literal(''), newPasswordSchema]).default(''),
		confirmPassword: z.string().default('')
	})
	.refine((value) => value.password === value.confirmPassword, {
		message: 'passwords_differ',
		path: ['confirmPassword']
	});

/** Where to go after signing in: only a path inside Dari, never another site. */
export function safeRedirectPath(value: string | null | undefined): string | null {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
	return value.slice(0, 500);
}
