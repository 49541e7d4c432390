package nl.meldpunt.internalapi;

import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import com.fasterxml.jackson.annotation.JsonIgnore;

import nl.meldpunt.crypto.SealedItem;

/**
 * An attachment announced before its chunks ({@code POST /mailbox/attachments}).
 *
 * @param attachmentId the attachment, chosen by the browser
 * @param metaCiphertext the sealed file name, type and size
 * @param chunkCount how many sealed chunks follow
 * @param totalBytes the plaintext size
 * @param epoch the epoch of the case key that sealed it (absent: the case's current one)
 */
public record NewAttachment(@NotNull UUID attachmentId, @NotNull SealedItem metaCiphertext,
		@NotNull @Min(1) @Max(Limits.MAX_CHUNKS) Integer chunkCount, @NotNull @PositiveOrZero Long totalBytes,
		@Min(0) @Max(Limits.MAX_EPOCH) Integer epoch) {

	public NewAttachment(UUID attachmentId, SealedItem metaCiphertext, Integer chunkCount, Long totalBytes) {
		this(attachmentId, metaCiphertext, chunkCount, totalBytes, null);
	}

	/** The meta item holds a file name, a type and a size: it stays small. */
	@JsonIgnore
	@AssertTrue
	public boolean isMetaCiphertextSmall() {
		return this.metaCiphertext == null || this.metaCiphertext.length() <= Limits.MAX_META_BYTES;
	}

}
