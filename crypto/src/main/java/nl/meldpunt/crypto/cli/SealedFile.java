package nl.meldpunt.crypto.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import nl.meldpunt.crypto.AttachmentBinding;
import nl.meldpunt.crypto.CryptoException;
import nl.meldpunt.crypto.EnvelopeBinding;
import nl.meldpunt.crypto.KeyEnvelope;
import nl.meldpunt.crypto.SealedItem;
import nl.meldpunt.crypto.internal.Wire;

/**
 * The CLI's file container: a key envelope and the file's content sealed as attachment
 * chunks, with the (non-secret) binding needed to open them. Layout:
 * {@code "MPF1" | organisation (16) | case (16) | attachment (16) | lp(recipient id) |
 * envelope (82) | u32 chunk count | per chunk: u32 length, chunk}. Every length is
 * bounded before it is allocated.
 *
 * @param envelopeBinding organisation, case and recipient
 * @param attachmentId the id the chunks are bound to
 * @param envelope the case key, sealed to the recipient
 * @param chunks the content
 */
record SealedFile(EnvelopeBinding envelopeBinding, UUID attachmentId, KeyEnvelope envelope, List<SealedItem> chunks) {

	private static final byte[] MAGIC = "MPF1".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_CHUNKS = Wire.MAX_CHUNKS;

	private static final int MAX_CHUNK_LENGTH = 30 + 1024 * 1024;

	SealedFile {
		chunks = List.copyOf(chunks);
	}

	AttachmentBinding attachmentBinding() {
		return new AttachmentBinding(this.envelopeBinding.organisationId(), this.envelopeBinding.caseId(),
				this.attachmentId);
	}

	void write(OutputStream target) throws IOException {
		DataOutputStream out = new DataOutputStream(target);
		out.write(MAGIC);
		uuid(out, this.envelopeBinding.organisationId());
		uuid(out, this.envelopeBinding.caseId());
		uuid(out, this.attachmentId);
		out.writeUTF(this.envelopeBinding.recipientId());
		out.write(this.envelope.toBytes());
		out.writeInt(this.chunks.size());
		for (SealedItem chunk : this.chunks) {
			out.writeInt(chunk.length());
			out.write(chunk.toBytes());
		}
		out.flush();
	}

	static SealedFile read(InputStream source) throws CryptoException, IOException {
		DataInputStream in = new DataInputStream(source);
		try {
			byte[] magic = in.readNBytes(4);
			if (!java.util.Arrays.equals(magic, MAGIC)) {
				throw new CryptoException("Not a Meldpunt sealed file");
			}
			UUID organisation = uuid(in);
			UUID caseId = uuid(in);
			UUID attachment = uuid(in);
			int recipientLength = in.readUnsignedShort();
			if (recipientLength > 36) {
				throw new CryptoException("Sealed file names an impossible recipient");
			}
			String recipient = new String(in.readNBytes(recipientLength), StandardCharsets.UTF_8);
			EnvelopeBinding binding;
			try {
				binding = new EnvelopeBinding(organisation, caseId, recipient);
			}
			catch (IllegalArgumentException ex) {
				throw new CryptoException("Sealed file names an impossible recipient");
			}
			KeyEnvelope envelope = KeyEnvelope.parse(in.readNBytes(82));
			int count = in.readInt();
			if (count < 1 || count > MAX_CHUNKS) {
				throw new CryptoException("Sealed file has an impossible chunk count");
			}
			List<SealedItem> chunks = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				int length = in.readInt();
				if (length < 0 || length > MAX_CHUNK_LENGTH) {
					throw new CryptoException("Sealed file has an impossible chunk length");
				}
				byte[] chunk = in.readNBytes(length);
				if (chunk.length != length) {
					throw new CryptoException("Sealed file is truncated");
				}
				chunks.add(SealedItem.parse(chunk));
			}
			if (in.read() != -1) {
				throw new CryptoException("Sealed file has trailing bytes");
			}
			return new SealedFile(binding, attachment, envelope, chunks);
		}
		catch (EOFException ex) {
			throw new CryptoException("Sealed file is truncated");
		}
	}

	private static void uuid(DataOutputStream out, UUID id) throws IOException {
		out.writeLong(id.getMostSignificantBits());
		out.writeLong(id.getLeastSignificantBits());
	}

	private static UUID uuid(DataInputStream in) throws IOException {
		return new UUID(in.readLong(), in.readLong());
	}

}
