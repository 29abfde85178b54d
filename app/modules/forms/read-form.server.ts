/**
 * The posted form of a request. A body that is not a form (no or another Content-Type, a
 * multipart body without its boundary or cut short) is the client's mistake: 400, not a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response("Bad Request", { status: 400 });
  }
}
