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
		case 'invalid_slug':
			return m.admin_group_error_invalid_slug();
		case 'slug_taken':
			return m.admin_group_error_slug_taken();
		case 'unknown_official_code':
			return m.error_unknown_official_code();
		case 'country_in_use':
			return m.admin_group_error_country_in_use();
		case 'unknown_account':
			return m.admin_group_error_unknown_account();
		case 'email_used':
			return m.title_error_email_used();
		case 'invalid_partial_date':
			return m.partnership_error_invalid_partial_date();
		case 'not_your_organisation':
			return m.partnership_error_not_your_organisation();
		case 'file_required':
			return m.file_error_required();
		case 'file_too_large':
			return m.file_error_too_large();
		case 'file_type':
			return m.file_error_type();
		default:
			return m.error_invalid_choice();
	}
}
