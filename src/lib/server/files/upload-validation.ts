/**
 * Checking an uploaded file before anything is written: its size, and its real type read from its
 * first bytes (a file renamed to .pdf is not a PDF). Pure: takes the bytes, returns a verdict.
 * Used for a partnership's documents and a good practice's photos.
 */

/** 10 MB: a signed agreement scanned at 300 dpi or a phone photo fits; the database keeps files (migration 0006). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadKind = 'pdf' | 'docx' | 'png' | 'jpeg' | 'webp';

/** What each family of uploads accepts. */
export const ALLOWED_UPLOADS = {
	/** A partnership's documents: agreements, letters, photos of a signing. */
	documents: ['pdf', 'docx', 'png', 'jpeg', 'webp'],
	/** A good practice's photos. */
	images: ['png', 'jpeg', 'webp']
} as const satisfies Record<string, readonly UploadKind[]>;
export type UploadFamily = keyof typeof ALLOWED_UPLOADS;

export const MEDIA_TYPES: Record<UploadKind, string> = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	png: 'image/png',
	jpeg: 'image/jpeg',
	webp: 'image/webp'
};

const EXTENSIONS: Record<UploadKind, readonly string[]> = {
	pdf: ['pdf'],
	docx: ['docx'],
	png: ['png'],
	jpeg: ['jpg', 'jpeg'],
	webp: ['webp']
};

/** A file as received, before any check. */
export interface UploadCandidate {
	fileName: string;
	size: number;
	/** Null when the size alone already refuses it (the bytes are then never read). */
	content: Uint8Array | null;
}

export interface ValidUpload {
	fileName: string;
	kind: UploadKind;
	mediaType: string;
	size: number;
	content: Uint8Array;
}

/** Why an upload is refused; each is a form error code (form-errors.ts). */
export type UploadRefusal = 'file_required' | 'file_too_large' | 'file_type';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
	return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/**
 * A .docx is a ZIP whose entries include word/document.xml. The entry names are read from the
 * local file headers (PK\x03\x04, name length at offset 26, name at 30): enough to tell a Word
 * document from any other ZIP without unpacking it.
 */
function isWordDocument(bytes: Uint8Array): boolean {
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return false;
	const wanted = ascii('word/document.xml');
	// Entry names are in local headers and in the central directory: a plain scan finds either.
	outer: for (let index = 0; index + wanted.length <= bytes.length; index++) {
		for (let offset = 0; offset < wanted.length; offset++) if (bytes[index + offset] !== wanted[offset]) continue outer;
		return true;
	}
	return false;
}

/** The real type of the bytes, or null when it is none Dari accepts. */
export function detectUploadKind(bytes: Uint8Array): UploadKind | null {
	if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
	if (isWordDocument(bytes)) return 'docx';
	return null;
}

/** A name safe to send back in a Content-Disposition header and to show: no path, no control characters. */
export function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	// eslint-disable-next-line no-control-regex
	const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(0, 200);
	return cleaned === '' ? 'document' : cleaned;
}

/**
 * Accepts a file when it is not empty, at most 10 MB, and both its bytes and its extension say a
 * type of the family (a PNG named .pdf is refused too: the name would mislead whoever opens it).
 */
export function validateUpload(candidate: UploadCandidate, options: { allowed: UploadFamily }): { ok: true; value: ValidUpload } | { ok: false; reason: UploadRefusal } {
	if (candidate.size === 0) return { ok: false, reason: 'file_required' };
	if (candidate.size > MAX_UPLOAD_BYTES || (candidate.content && candidate.content.byteLength > MAX_UPLOAD_BYTES)) return { ok: false, reason: 'file_too_large' };
	if (!candidate.content) return { ok: false, reason: 'file_required' };
	const kind = detectUploadKind(candidate.content);
	const allowed: readonly UploadKind[] = ALLOWED_UPLOADS[options.allowed];
	if (!kind || !allowed.includes(kind)) return { ok: false, reason: 'file_type' };
	const fileName = cleanFileName(candidate.fileName);
	const extension = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
	if (!EXTENSIONS[kind].includes(extension)) return { ok: false, reason: 'file_type' };
	return { ok: true, value: { fileName, kind, mediaType: MEDIA_TYPES[kind], size: candidate.content.byteLength, content: candidate.content } };
}

/**
 * Reads a file posted in a form, without reading the bytes of one that is too large anyway.
 * Returns null when the field holds no file (an empty file input sends a nameless empty file).
 */
export async function readUpload(value: FormDataEntryValue | null): Promise<UploadCandidate | null> {
	if (value === null || typeof value === 'string') return null;
	if (value.size === 0 && value.name === '') return null;
	return {
		fileName: value.name,
		size: value.size,
		content: value.size > MAX_UPLOAD_BYTES ? null : new Uint8Array(await value.arrayBuffer())
	};
}
