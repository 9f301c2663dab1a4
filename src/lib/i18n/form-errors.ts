import { m } from '$lib/paraglide/messages.js';

/** The sentence for an error code from the server's form parsing, in the page's language. */
export function errorMessage(code: string | undefined): string | undefined {
	switch (code) {
		case undefined:
			return undefined;
		case 'required':
			return m.error_required();
		case 'invalid_email':
			return m.error_invalid_email();
		case 'too_long':
			return m.error_too_long();
		case 'password_too_short':
			return m.error_password_too_short();
		case 'passwords_differ':
			return m.error_passwords_differ();
		case 'email_taken':
			return m.admin_email_taken();
		case 'unknown_group':
			return m.admin_unknown_group();
		case 'role_needs_group':
			return m.admin_role_needs_group();
		case 'wrong_password':
			return m.account_wrong_password();
		case 'duplicate_code':
			return m.error_duplicate_code();
		case 'duplicate_name':
			return m.error_duplicate_name();
		case 'invalid_country':
			return m.error_invalid_country();
		case 'invalid_url':
			return m.error_invalid_url();
		case 'invalid_code':
			return m.error_invalid_code();
		case 'invalid_number':
			return m.error_invalid_number();
		case 'invalid_date':
			return m.error_invalid_date();
		case 'date_before_start':
			return m.error_date_before_start();
		case 'invalid_phone':
			return m.error_invalid_phone();
		default:
			return m.error_invalid_choice();
	}
}
