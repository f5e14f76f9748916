#!/usr/bin/python3
"""Builds the PDF fixtures for test/check/pdf.test.ts: letters printed to PDF by LibreOffice (the DOCX fixtures of
make.py and cchc's own letters) and by cchc's native writer, and PDFs broken in ways only print shows.

    /usr/bin/python3 scripts/check-fixtures/make.py     # first: the DOCX fixtures
    npm run build                                       # cchc renders its examples
    /usr/bin/python3 scripts/check-fixtures/pdf.py

It writes test/fixtures/pdf/*.pdf and test/fixtures/pdf/expected.json: file -> the error rule ids `cchc check`
must report for it. LibreOffice stamps each PDF with the time, so regenerating changes their bytes, not their pages.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCX = os.path.join(ROOT, 'test', 'fixtures', 'docx')
OUT = os.path.join(ROOT, 'test', 'fixtures', 'pdf')

# What a printed page cannot show: the characters stored (NFC, control characters) and an unreadable DOCX.
DOCX_ONLY = {'text-nfc', 'text-control-chars', 'not-docx'}

# DOCX fixtures printed by LibreOffice; their expected rules are the DOCX ones, less DOCX_ONLY, unless overridden.
FROM_DOCX = [
    'ok', 'ok-header-tabs', 'ok-header-textboxes', 'ok-closing-textboxes', 'ok-rule-drawingml', 'ok-rule-vml',
    'ok-rule-underline-motto', 'ok-urgency-boxed', 'ok-tasks-numbering', 'ok-multi-recipients', 'ok-closing-paragraphs',
    'ok-blank-number-date', 'lo-roundtrip',
    'page-letter', 'page-landscape', 'margin-left-25', 'margin-top-30', 'font-arial', 'font-theme',
    'quoc-hieu-size-14', 'quoc-hieu-old-spelling', 'tieu-ngu-en-dash', 'tieu-ngu-no-rule', 'tieu-ngu-underscores',
    'tieu-ngu-rule-short', 'issuer-not-bold', 'issuer-no-rule', 'issuer-rule-too-long', 'header-tabs-no-issuer-rule',
    'header-table-borders', 'closing-table-borders', 'so-unpadded', 'date-unpadded', 'date-not-italic',
    'subject-size-14', 'urgency-unboxed', 'kinh-gui-size-12', 'kinh-gui-no-period', 'body-left-aligned',
    'body-exact-12pt', 'body-double-spacing', 'body-no-indent', 'body-no-spacing', 'body-size-12',
    'noi-nhan-missing-semicolon', 'noi-nhan-not-italic', 'signer-name-uppercase', 'signer-bad-authority',
    'page-number-first-page', 'page-number-first-header', 'page-number-footer', 'tasks-numbering-hanging', 'text-nfd',
    'ok-appendix-landscape', 'ok-marks-boxed', 'secrecy-unboxed', 'appendix-bad-heading',
    'ok-contact-footer', 'ok-contact-body', 'contact-no-rule', 'contact-rule-short', 'contact-every-page',
    'contact-later-pages',
]

# Where the printed page says more, or less, than the file.
PDF_EXPECTED = {
    # Calibri's metric twin prints wider than Times: the Quốc hiệu and the date wrap, the motto's rule falls short.
    'font-theme': ['date-line', 'font-family', 'quoc-hieu', 'tieu-ngu-rule'],
    # A one-page letter: the footer's page number is never printed (page 1 has its own, empty, footer).
    'page-number-footer': [],
}

# cchc's own letters, rendered and printed by LibreOffice and by the native writer: file -> example.
# so-noi-vu-mat-phu-luc has what version 2 adds: marks, the contact block, two appendices (one landscape) with tables.
CCHC = {'cchc-kien-luong-2020': 'kien-luong-2020', 'cchc-ky-thay-tm-kt': 'ky-thay-tm-kt', 'cchc-so-noi-vu-mat-phu-luc': 'so-noi-vu-mat-phu-luc'}
NATIVE = {'native-kien-luong-2020': 'kien-luong-2020', 'native-ky-thay-tm-kt': 'ky-thay-tm-kt', 'native-so-noi-vu-mat-phu-luc': 'so-noi-vu-mat-phu-luc'}

# Hides Times New Roman's metric twins from LibreOffice, as on a machine without them: it then prints with
# Nimbus Roman, which has no Vietnamese letters, and takes those from DejaVu Serif, a fallback font.
NO_TIMES = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="family"><string>Liberation Serif</string></patelt></pattern>
    <pattern><patelt name="family"><string>Tinos</string></patelt></pattern>
  </rejectfont></selectfont>
</fontconfig>
"""


def soffice(tmp, args, env=None):
    exe = shutil.which('soffice')
    if not exe:
        sys.exit('soffice not found: LibreOffice prints the PDF fixtures')
    profile = f'-env:UserInstallation=file://{tmp}/profile'
    subprocess.run([exe, profile, '--headless', *args], check=True, capture_output=True, timeout=600, env=env)


def to_pdf(tmp, sources, env=None):
    out = os.path.join(tmp, 'pdf')
    os.makedirs(out, exist_ok=True)
    soffice(tmp, ['--convert-to', 'pdf', '--outdir', out, *sources], env)
    return out


def cchc(*args):
    subprocess.run(['node', os.path.join(ROOT, 'bin', 'cchc.js'), *args], check=True, capture_output=True, timeout=300, cwd=ROOT)


def textless_pdf():
    """A one-page A4 PDF whose page is a filled rectangle: what a scanned letter is to a text reader."""
    content = b'0.6 g 85 85 425 672 re f'
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << >> >>',
        b'<< /Length %d >>\nstream\n%s\nendstream' % (len(content), content),
    ]
    out = bytearray(b'%PDF-1.4\n')
    offsets = []
    for k, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n%s\nendobj\n' % (k, body)
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    out += b''.join(b'%010d 00000 n \n' % o for o in offsets)
    out += b'trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, xref)
    return bytes(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    docx_expected = json.load(open(os.path.join(DOCX, 'expected.json'), encoding='utf-8'))
    expected = {}
    with tempfile.TemporaryDirectory() as tmp:
        printed = to_pdf(tmp, [os.path.join(DOCX, f'{n}.docx') for n in FROM_DOCX])
        for n in FROM_DOCX:
            shutil.copy(os.path.join(printed, f'{n}.pdf'), os.path.join(OUT, f'{n}.pdf'))
            want = PDF_EXPECTED.get(n, [r for r in docx_expected[f'{n}.docx'] if r not in DOCX_ONLY])
            expected[f'{n}.pdf'] = sorted(want)

        # Only print shows these: a fallback font for the Vietnamese letters; a date line that wraps.
        conf = os.path.join(tmp, 'fonts.conf')
        open(conf, 'w').write(NO_TIMES)
        fallback = to_pdf(os.path.join(tmp, 'fallback'), [os.path.join(DOCX, 'ok.docx')], dict(os.environ, FONTCONFIG_FILE=conf))
        shutil.copy(os.path.join(fallback, 'ok.pdf'), os.path.join(OUT, 'fallback-font.pdf'))
        expected['fallback-font.pdf'] = ['font-family']
        wrapped = os.path.join(DOCX, 'date-wraps.docx')
        if os.path.exists(wrapped):
            dated = to_pdf(os.path.join(tmp, 'dated'), [wrapped])
            shutil.copy(os.path.join(dated, 'date-wraps.pdf'), os.path.join(OUT, 'date-wraps.pdf'))
            expected['date-wraps.pdf'] = ['date-line']

        # Like a scan: an A4 page that shows only a picture (here a grey block), no text to read.
        with open(os.path.join(OUT, 'scan.pdf'), 'wb') as f:
            f.write(textless_pdf())
        expected['scan.pdf'] = ['not-pdf']

        # cchc's own letters.
        letters = os.path.join(tmp, 'letters')
        for name, example in {**CCHC, **NATIVE}.items():
            os.makedirs(letters, exist_ok=True)
            native = name in NATIVE
            args = ['render', os.path.join(ROOT, 'examples', f'{example}.yaml'), '-o', os.path.join(letters, f'{name}.docx'), '--force', '--quiet']
            cchc(*args, *(['--pdf', '--pdf-engine', 'native'] if native else []))
            if not native:
                to_pdf(os.path.join(tmp, 'cchc'), [os.path.join(letters, f'{name}.docx')])
                shutil.copy(os.path.join(tmp, 'cchc', 'pdf', f'{name}.pdf'), os.path.join(OUT, f'{name}.pdf'))
            else:
                shutil.copy(os.path.join(letters, f'{name}.pdf'), os.path.join(OUT, f'{name}.pdf'))
            expected[f'{name}.pdf'] = []

    with open(os.path.join(OUT, 'expected.json'), 'w', encoding='utf-8') as f:
        json.dump(dict(sorted(expected.items())), f, ensure_ascii=False, indent=2)
        f.write('\n')
    print(f'{len(expected)} PDF fixtures in {os.path.relpath(OUT, ROOT)}')


if __name__ == '__main__':
    main()
