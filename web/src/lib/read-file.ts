/** Upload limit of the file imports: the server takes up to ~5 MB of file as base64. */
export const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;

/** The file as base64 (without the data-URL prefix). */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}
