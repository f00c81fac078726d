/** The most a caution-list photo may hold as a data URL (contract/cautions.ts). */
const MAX_CHARS = 60_000;
/** The longer side of the picture kept: enough to recognise a face at the desk. */
const SIDE = 240;

/**
 * A picture chosen from the computer, made small enough to sync with the caution list: scaled
 * to fit 240 pixels and saved as JPEG, at lower quality if it is still too large. Null when
 * the file is not a picture the browser can read.
 */
export async function cautionPhoto(file: File): Promise<string | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null;
  }
  const scale = Math.min(1, SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  for (const quality of [0.85, 0.7, 0.5, 0.35]) {
    const url = canvas.toDataURL('image/jpeg', quality);
    if (url.length <= MAX_CHARS) return url;
  }
  return null;
}
