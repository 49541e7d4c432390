// A file from the recipients to the reporter: encrypted in this browser with the case key
// (name and type sealed too), uploaded in chunks; the reporter downloads and decrypts it
// on their own page.
import { sealAttachment } from "/meldpunt-crypto/v1/meldpunt-crypto.js";
import { api, el, field, putBytes, text, toBase64Url } from "./api.js";

/** The form to send files to the reporter (null on a closed case). */
export function uploadForm({ caseId, organisationId, sealingKey, detail, again }, problemText) {
	if (!detail.open) {
		return null;
	}
	const input = el("input", { type: "file", id: "adviser-files", multiple: true });
	const error = el("p", { id: "upload-error", class: "error", role: "alert", hidden: true });
	const progress = el("p", { id: "upload-progress", class: "hint", "aria-live": "polite" });
	const submit = el("button", { type: "submit", id: "upload-submit" }, text("upload.submit"));
	const form = el("form", { id: "upload-form", class: "write", novalidate: true, "aria-labelledby": "upload-title" },
		el("h2", { id: "upload-title" }, text("upload.title")), el("p", { class: "hint" }, text("upload.intro")), error,
		field(text("upload.label"), input), progress, submit);
	form.addEventListener("submit", async (event) => {
		event.preventDefault();
		const files = Array.from(input.files);
		if (files.length === 0) {
			error.textContent = text("upload.missing");
			error.hidden = false;
			input.focus();
			return;
		}
		error.hidden = true;
		submit.disabled = true;
		try {
			const { key, epoch } = sealingKey();
			for (const file of files) {
				progress.textContent = text("upload.working", file.name);
				const bytes = new Uint8Array(await file.arrayBuffer());
				const attachmentId = crypto.randomUUID();
				const sealed = await sealAttachment(key, bytes,
					{ organisationId, caseId, attachmentId, name: file.name, type: file.type });
				await api("POST", `/api/cases/${caseId}/attachments`, { attachmentId,
					metaCiphertext: toBase64Url(sealed.meta), chunkCount: sealed.chunks.length, totalBytes: bytes.length, epoch });
				for (let i = 0; i < sealed.chunks.length; i++) {
					await putBytes(`/api/cases/${caseId}/attachments/${attachmentId}/chunks/${i}`, sealed.chunks[i]);
				}
			}
			await again(text("upload.done"));
		}
		catch (problem) {
			submit.disabled = false;
			progress.textContent = "";
			error.textContent = problemText(problem);
			error.hidden = false;
		}
	});
	return form;
}
