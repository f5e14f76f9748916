"""Drawn lines, text boxes and list numbering as Word writes them into document.xml, for the fixtures of
make.py. python-docx has no API for these, so the XML is written here the way Word 2010+ saves it: DrawingML
in mc:Choice with a VML copy in mc:Fallback; and VML alone, as Word 2003 and many converters still write.
"""
import copy
import itertools

from docx.oxml import parse_xml
from docx.oxml.ns import qn

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word"')

_ids = itertools.count(1)


def emu(mm):
    return int(round(mm * 36000))


def pt(mm):
    return f'{mm * 72 / 25.4:.2f}pt'


def _line_wsp(kind, width_mm):
    prst = 'straightConnector1' if kind == 'connector' else 'line'
    nv = '<wps:cNvCnPr/>' if kind == 'connector' else '<wps:cNvSpPr/>'
    return (f'<wps:wsp>{nv}<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{emu(width_mm)}" cy="0"/></a:xfrm>'
            f'<a:prstGeom prst="{prst}"><a:avLst/></a:prstGeom><a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/>'
            f'</a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>')


def _vml_line(x_mm, width_mm, relative='text'):
    n = next(_ids)
    return (f'<v:line id="Line {n}" style="position:absolute;z-index:{n};mso-position-horizontal-relative:{relative};'
            f'mso-position-vertical-relative:text" from="{pt(x_mm)},6pt" to="{pt(x_mm + width_mm)},6pt" '
            f'strokeweight=".5pt"/>')


def line_run(kind, x_mm, width_mm, relative='column'):
    """A run drawing a horizontal line of width_mm starting x_mm from the left of the column (the table cell or
    the text area). kind: 'drawingml' (a straight line, Word's "Line"), 'connector' (a straight connector),
    'vml' (Word 2003), 'inline' (a DrawingML line in line with the text, centred by its paragraph)."""
    if kind == 'vml':
        rel = {'column': 'text', 'margin': 'margin', 'page': 'page'}[relative]
        return parse_xml(f'<w:r {NS}><w:pict>{_vml_line(x_mm, width_mm, rel)}</w:pict></w:r>')
    n = next(_ids)
    graphic = (f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               f'{_line_wsp(kind, width_mm)}</a:graphicData></a:graphic>')
    if kind == 'inline':
        drawing = (f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{emu(width_mm)}" cy="0"/>'
                   f'<wp:docPr id="{n}" name="Line {n}"/>{graphic}</wp:inline>')
    else:
        drawing = (f'<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="{n}" '
                   f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                   f'<wp:positionH relativeFrom="{relative}"><wp:posOffset>{emu(x_mm)}</wp:posOffset></wp:positionH>'
                   f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>38100</wp:posOffset></wp:positionV>'
                   f'<wp:extent cx="{emu(width_mm)}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                   f'<wp:docPr id="{n}" name="Line {n}"/><wp:cNvGraphicFramePr/>{graphic}</wp:anchor>')
    fallback = f'<w:pict>{_vml_line(x_mm, width_mm)}</w:pict>'
    return parse_xml(f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{drawing}</w:drawing>'
                     f'</mc:Choice><mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


def text_box_run(paragraphs, x_mm, width_mm, height_mm, relative='margin'):
    """A run anchoring a borderless text box holding `paragraphs` (python-docx paragraphs, moved into it), as Word
    2010+ writes it: a wps text box, and the same content again in a VML fallback."""
    n = next(_ids)
    txbx = '<w:txbxContent/>'
    choice = (f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{n}" '
              f'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
              f'<wp:positionH relativeFrom="{relative}"><wp:posOffset>{emu(x_mm)}</wp:posOffset></wp:positionH>'
              f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
              f'<wp:extent cx="{emu(width_mm)}" cy="{emu(height_mm)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
              f'<wp:wrapTopAndBottom/><wp:docPr id="{n}" name="Text Box {n}"/><wp:cNvGraphicFramePr/>'
              f'<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
              f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
              f'<a:ext cx="{emu(width_mm)}" cy="{emu(height_mm)}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
              f'</a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx>{txbx}</wps:txbx>'
              f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"/>'
              f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    rel = {'column': 'text', 'margin': 'margin', 'page': 'page'}[relative]
    fallback = (f'<w:pict><v:shape id="Text Box {n}" type="#_x0000_t202" style="position:absolute;margin-left:{pt(x_mm)};'
                f'margin-top:0;width:{pt(width_mm)};height:{pt(height_mm)};z-index:{n};mso-position-horizontal-relative:{rel};'
                f'mso-position-vertical-relative:text" stroked="f"><v:textbox inset="0,0,0,0">{txbx}</v:textbox>'
                f'<w10:wrap type="topAndBottom"/></v:shape></w:pict>')
    run = parse_xml(f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                    f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')
    # The paragraphs move into the text box; Word keeps a copy of them in the fallback.
    main, spare = run.iter(qn('w:txbxContent'))
    for p in paragraphs:
        spare.append(copy.deepcopy(p._p))
        main.append(p._p)
    return run


NS_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def underline(paragraph):
    """Underlines every run of a paragraph (a single line, as Word's Ctrl+U)."""
    for r in paragraph.runs:
        r.font.underline = True


def add_numbering(doc, left_tw, first_tw=0, hanging_tw=0):
    """A decimal list "1.", "2.", … followed by a space, with the given level-0 indents; returns its numId."""
    numbering = doc.part.numbering_part.element
    abstract_id = 90 + len(numbering.findall(qn('w:abstractNum')))
    ind = f'w:left="{left_tw}"' + (f' w:firstLine="{first_tw}"' if first_tw else '') + (f' w:hanging="{hanging_tw}"' if hanging_tw else '')
    W = NS_W
    abstract = parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
        f'<w:suff w:val="space"/><w:lvlJc w:val="left"/><w:pPr><w:ind {ind}/></w:pPr></w:lvl></w:abstractNum>')
    num_id = 90 + len(numbering.findall(qn('w:num')))
    num = parse_xml(f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    # abstractNum elements come before num elements.
    first_num = numbering.find(qn('w:num'))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def number(paragraph, num_id):
    pPr = paragraph._p.get_or_add_pPr()
    numPr = parse_xml(f'<w:numPr {NS_W}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    style = pPr.find(qn('w:pStyle'))
    if style is not None:
        style.addnext(numPr)
    else:
        pPr.insert(0, numPr)


def tabs(paragraph, stops):
    """Tab stops [(kind, mm)] on a paragraph: 'center' or 'left' at mm from the left margin."""
    pPr = paragraph._p.get_or_add_pPr()
    xml = ''.join(f'<w:tab w:val="{k}" w:pos="{int(round(mm * 1440 / 25.4))}"/>' for k, mm in stops)
    el = parse_xml(f'<w:tabs {NS_W}>{xml}</w:tabs>')
    style = pPr.find(qn('w:pStyle'))
    # w:tabs follows w:pStyle, w:keepNext, w:keepLines, w:pageBreakBefore, w:framePr, w:widowControl, w:numPr,
    # w:suppressLineNumbers, w:pBdr, w:shd in CT_PPr; these paragraphs have at most a style and a border.
    anchor = pPr.find(qn('w:pBdr')) if pPr.find(qn('w:pBdr')) is not None else style
    if anchor is not None:
        anchor.addnext(el)
    else:
        pPr.insert(0, el)


def copy_paragraph(p):
    return copy.deepcopy(p._p)
