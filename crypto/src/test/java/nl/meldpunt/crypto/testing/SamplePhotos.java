package nl.meldpunt.crypto.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

/** Photos for the browser tests that check metadata is stripped before encryption. */
public final class SamplePhotos {

	private SamplePhotos() {
	}

	/**
	 * A small JPEG {@code photo.jpg} with an EXIF block that carries {@code marker} (and
	 * a position), as a phone camera would add one.
	 */
	public static Path jpegWithExif(String marker) throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 64, 48);
		graphics.dispose();
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", jpeg);
		byte[] plain = jpeg.toByteArray();
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exif.write(new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		exif.write(("GPS 52.37N 4.89E " + marker).getBytes(StandardCharsets.ISO_8859_1));
		byte[] app1 = exif.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(plain, 0, 2);
		out.write(0xff);
		out.write(0xe1);
		out.write((app1.length + 2) >> 8);
		out.write((app1.length + 2) & 0xff);
		out.write(app1);
		out.write(plain, 2, plain.length - 2);
		Path file = Files.createTempDirectory("photo").resolve("photo.jpg");
		Files.write(file, out.toByteArray());
		return file;
	}

}
