import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatVerificationCode } from '@lp/certification';

export interface PrintableCertificate {
  holderName: string;
  programName: string;
  certificateNumber: string;
  verificationCode: string;
  issuedAt: Date;
  expiresAt: Date;
  /**
   * The IANA zone of the holder's store, in which its dates are printed: a certificate
   * issued at 03:00 UTC in Los Angeles was issued, and expires, the evening before, as the
   * expiry emails say.
   */
  timezone: string;
  /** Printed across the page when the certificate no longer counts (REVOKED, EXPIRED). */
  invalidBecause?: string;
  /** Where anyone can check the certificate; printed and encoded in the QR code. */
  verificationUrl: string;
}

const INK = '#1f2937';
const MUTED = '#4b5563';
const ACCENT = '#1d4ed8';
const WARNING = '#b91c1c';

/**
 * DejaVu Sans, embedded (only the glyphs used). The PDF standard fonts know Latin-1 only,
 * so a holder named Łukasz, Dvořák, Şahin, Ελένη or Иван printed as garbage; DejaVu covers
 * the Latin, Greek and Cyrillic alphabets. Found when the API starts (a missing package
 * stops it there, not at someone's first download), read on the first certificate.
 */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
let fonts: { regular: Buffer; bold: Buffer } | undefined;
function certificateFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: readFileSync(FONT_FILES.regular), bold: readFileSync(FONT_FILES.bold) };
  return fonts;
}
const REGULAR = 'Regular';
const BOLD = 'Bold';

const longDate = (date: Date, timezone: string) =>
  date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: timezone });

/** Collects a finished pdfkit document into one buffer. */
function bufferOf(document: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.end();
  });
}

/** A one-page landscape A4 certificate to print or file, with a QR code to verify it. */
export async function renderCertificatePdf(certificate: PrintableCertificate): Promise<Buffer> {
  const qrCode = await QRCode.toBuffer(certificate.verificationUrl, {
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 360,
  });
  const document = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 48,
    info: {
      Title: `${certificate.programName} — ${certificate.holderName}`,
      Author: 'LP Academy',
      Subject: `Certificate ${certificate.certificateNumber}`,
    },
  });
  const { regular, bold } = certificateFonts();
  document.registerFont(REGULAR, regular).registerFont(BOLD, bold);
  const { width, height } = document.page;
  const content = width - 96;

  document
    .rect(24, 24, width - 48, height - 48)
    .lineWidth(3)
    .stroke(ACCENT);
  document
    .rect(32, 32, width - 64, height - 64)
    .lineWidth(0.75)
    .stroke(ACCENT);

  document
    .font(BOLD)
    .fontSize(14)
    .fillColor(ACCENT)
    .text('LP ACADEMY', 48, 72, { width: content, align: 'center', characterSpacing: 4 });
  document
    .font(REGULAR)
    .fontSize(34)
    .fillColor(INK)
    .text('Certificate of Completion', { width: content, align: 'center' });
  document.moveDown(0.8).fontSize(14).fillColor(MUTED).text('This certifies that', { width: content, align: 'center' });
  document
    .moveDown(0.4)
    .font(BOLD)
    .fontSize(30)
    .fillColor(INK)
    .text(certificate.holderName, { width: content, align: 'center' });
  document
    .moveDown(0.4)
    .font(REGULAR)
    .fontSize(14)
    .fillColor(MUTED)
    .text('has met the requirements of', { width: content, align: 'center' });
  document
    .moveDown(0.3)
    .font(BOLD)
    .fontSize(20)
    .fillColor(INK)
    .text(certificate.programName, { width: content, align: 'center' });

  const detailsTop = height - 200;
  const details: [string, string][] = [
    ['Issued', longDate(certificate.issuedAt, certificate.timezone)],
    ['Valid until', longDate(certificate.expiresAt, certificate.timezone)],
    ['Certificate number', certificate.certificateNumber],
    ['Verification code', formatVerificationCode(certificate.verificationCode)],
  ];
  details.forEach(([label, value], index) => {
    const top = detailsTop + index * 26;
    document.font(REGULAR).fontSize(10).fillColor(MUTED).text(label.toUpperCase(), 72, top, { characterSpacing: 1 });
    document
      .font(BOLD)
      .fontSize(13)
      .fillColor(INK)
      .text(value, 220, top - 2);
  });

  const qrSize = 120;
  const qrLeft = width - 72 - qrSize;
  document.image(qrCode, qrLeft, detailsTop - 10, { width: qrSize });
  document
    .font(REGULAR)
    .fontSize(8)
    .fillColor(MUTED)
    .text('Scan or visit to verify:', qrLeft - 280, detailsTop + qrSize, { width: qrSize + 280, align: 'right' })
    // One line whatever its length: a URL broken in two cannot be typed back.
    .text(certificate.verificationUrl, { width: qrSize + 280, align: 'right', lineBreak: false });

  if (certificate.invalidBecause) {
    document.save().rotate(-20, { origin: [width / 2, height / 2] });
    document
      .font(BOLD)
      .fontSize(96)
      .fillColor(WARNING)
      .fillOpacity(0.35)
      .text(certificate.invalidBecause, 0, height / 2 - 60, { width, align: 'center' });
    document.restore();
  }

  return bufferOf(document);
}
