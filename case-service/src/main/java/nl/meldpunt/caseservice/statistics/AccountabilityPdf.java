package nl.meldpunt.caseservice.statistics;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The accountability report as PDF (OpenPDF), with an embedded font that carries every
 * Dutch accent and the ε of the method section.
 */
final class AccountabilityPdf {

	private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

	private static final Color HEADER = new Color(0xE8, 0xEE, 0xF4);

	private AccountabilityPdf() {
	}

	static byte[] render(StatisticsRelease release, Texts t) {
		AccountabilityReport report = AccountabilityReport.of(release, t);
		try {
			BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			Font title = new Font(base, 16, Font.BOLD);
			Font heading = new Font(base, 11.5f, Font.BOLD);
			Font body = new Font(base, 9);
			Font bold = new Font(base, 9, Font.BOLD);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			Document document = new Document(PageSize.A4, 48, 48, 48, 48);
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.getExtraCatalog().put(PdfName.LANG, new PdfString(t.lang()));
			document.addTitle(report.title());
			document.open();
			document.add(new Paragraph(report.title(), title));
			Paragraph subtitle = new Paragraph(report.subtitle(), body);
			subtitle.setSpacingAfter(8);
			document.add(subtitle);
			for (AccountabilityReport.Section section : report.sections()) {
				Paragraph caption = new Paragraph(section.caption(), heading);
				caption.setSpacingBefore(10);
				caption.setSpacingAfter(4);
				document.add(caption);
				document.add(table(section, body, bold));
			}
			Paragraph method = new Paragraph(report.methodTitle(), heading);
			method.setSpacingBefore(14);
			document.add(method);
			for (String rule : report.method()) {
				Paragraph paragraph = new Paragraph(new Chunk(rule, body));
				paragraph.setSpacingBefore(3);
				document.add(paragraph);
			}
			document.close();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The report font is part of the OpenPDF jar", ex);
		}
	}

	private static PdfPTable table(AccountabilityReport.Section section, Font body, Font bold) {
		List<String> header = section.header();
		PdfPTable table = new PdfPTable(header.size());
		table.setWidthPercentage(100);
		float[] widths = new float[header.size()];
		widths[0] = (header.size() > 3) ? 3.2f : 5f;
		for (int i = 1; i < widths.length; i++) {
			widths[i] = (header.size() > 3) ? 1.15f : 2.5f;
		}
		table.setWidths(widths);
		table.setHeaderRows(1);
		for (String cell : header) {
			PdfPCell headerCell = cell(cell, bold, header.indexOf(cell) > 0);
			headerCell.setBackgroundColor(HEADER);
			table.addCell(headerCell);
		}
		for (List<String> row : section.rows()) {
			boolean total = row == section.rows().get(section.rows().size() - 1) && !"procedure".equals(section.name())
					&& !"annual-report".equals(section.name());
			for (int i = 0; i < row.size(); i++) {
				table.addCell(cell(row.get(i), total ? bold : body, i > 0));
			}
		}
		return table;
	}

	private static PdfPCell cell(String text, Font font, boolean number) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(3.5f);
		cell.setBorderColor(new Color(0x99, 0x99, 0x99));
		cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
		return cell;
	}

}
