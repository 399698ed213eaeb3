import { fetchWithToken } from '../../api/client.ts';

export type CodeImage = 'qr' | 'poster';
export type ImageFormat = 'png' | 'svg';

/** A file name for a code's image: its name made safe for any file system, then the kind and format. */
export const codeImageFileName = (name: string, image: CodeImage, format: ImageFormat): string => {
  const base = name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'code';
  return `${base}-${image}.${format}`;
};

/** Downloads a code's QR or poster (the endpoints need the session token, so no plain link). */
export const downloadCodeImage = async (
  code: { id: string; name: string },
  image: CodeImage,
  format: ImageFormat,
): Promise<void> => {
  const response = await fetchWithToken(`/api/v1/channel-codes/${code.id}/${image}?format=${format}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = codeImageFileName(code.name, image, format);
  link.click();
  // Revoked after the click has been handled, or some browsers lose the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};
