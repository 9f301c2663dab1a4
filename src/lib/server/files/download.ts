/** How a stored file goes back to the browser: always as an attachment, with its checked type. */

/**
 * Headers for a download. `attachment` and `nosniff`: a file is never rendered inside Dari's
 * origin (an HTML or SVG disguised as a document could run script there). The name is given
 * twice: plain ASCII for old clients, UTF-8 (RFC 6266 / 5987) for Korean and accented names.
 */
export function downloadHeaders(file: { fileName: string; mediaType: string; size: number }): Record<string, string> {
	const asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return {
		'content-type': file.mediaType,
		'content-length': String(file.size),
		'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
		'x-content-type-options': 'nosniff',
		'cache-control': 'private, no-store'
	};
}
