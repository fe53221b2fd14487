"""Sample files, valid and hostile, generated in memory (no binary fixtures in the repository).

Every generator returns bytes. Identifying strings planted in metadata are module constants, so tests
can look for them in output bytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable

import pikepdf
from PIL import Image, ImageCms, PngImagePlugin

CAMERA_MODEL = "SECRETCAM-X9"
CAMERA_SERIAL = "SN-0451-7781"
PLACE_TEXT = "Hoeryong-si"
AUTHOR_TEXT = "Kim Chol-su"
XMP_NS = b"http://ns.adobe.com/xap/1.0/"
RED = (255, 0, 0)
BLUE = (0, 0, 255)
GREY = (128, 128, 128)

# --- raw TIFF structures (for EXIF blocks and hand-made TIFF files) -------------------------------------

ASCII, SHORT, LONG, RATIONAL = 2, 3, 4, 5
_SIZES = {ASCII: 1, SHORT: 2, LONG: 4, RATIONAL: 8}
Entry = tuple[int, int, object]  # tag, type, value (str, int, tuple of ints, or tuple of (num, den))


def _pack_value(kind: int, value: object) -> tuple[int, bytes]:
    if kind == ASCII:
        assert isinstance(value, str)
        raw = value.encode() + b"\0"
        return len(raw), raw
    items = value if isinstance(value, tuple) else (value,)
    if kind == RATIONAL:
        return len(items), b"".join(struct.pack(">II", *pair) for pair in items)
    fmt = ">H" if kind == SHORT else ">I"
    return len(items), b"".join(struct.pack(fmt, item) for item in items)


def _ifd_size(entries: list[Entry]) -> int:
    sizes = [len(_pack_value(kind, value)[1]) for _, kind, value in entries]
    data = sum((size + 1) // 2 * 2 for size in sizes if size > 4)
    return 2 + 12 * len(entries) + 4 + data


def _ifd(entries: list[Entry], offset: int, next_ifd: int) -> bytes:
    """One big-endian IFD placed at ``offset``, its out-of-line values right after it."""
    head = struct.pack(">H", len(entries))
    data = b""
    data_at = offset + 2 + 12 * len(entries) + 4
    for tag, kind, value in sorted(entries, key=lambda e: e[0]):
        count, raw = _pack_value(kind, value)
        if len(raw) <= 4:
            head += struct.pack(">HHI", tag, kind, count) + raw.ljust(4, b"\0")
        else:
            head += struct.pack(">HHII", tag, kind, count, data_at + len(data))
            data += raw + b"\0" * (len(raw) % 2)
    return head + struct.pack(">I", next_ifd) + data


def tiff_structure(chain: list[list[Entry]], blobs: Iterable[bytes] = ()) -> tuple[bytes, list[int]]:
    """A big-endian TIFF header, a chain of IFDs, then ``blobs``; also returns each blob's offset.

    Entries may refer to blob offsets only through :func:`tiff_with_blobs`, which lays out twice.
    """
    offsets: list[int] = []
    pos = 8
    for entries in chain:
        pos += _ifd_size(entries)
    for blob in blobs:
        offsets.append(pos)
        pos += len(blob)
    out = b"MM\x00\x2a" + struct.pack(">I", 8)
    at = 8
    for i, entries in enumerate(chain):
        size = _ifd_size(entries)
        out += _ifd(entries, at, at + size if i + 1 < len(chain) else 0)
        at += size
    return out + b"".join(blobs), offsets


# --- EXIF --------------------------------------------------------------------------------------------


def exif_block(orientation: int = 6, thumbnail: bytes | None = None) -> bytes:
    """An APP1 EXIF payload (with its ``Exif\\0\\0`` header): camera make, model and serial, GPS
    position of a North Korean border town, an orientation, and optionally an IFD1 thumbnail."""
    thumb = thumbnail if thumbnail is not None else jpeg(size=(16, 12), colour=BLUE)

    def layout(sub_ifd: int, gps_ifd: int, thumb_at: int) -> tuple[list[list[Entry]], list[bytes]]:
        ifd0: list[Entry] = [
            (0x010F, ASCII, "SecretMaker"),
            (0x0110, ASCII, CAMERA_MODEL),
            (0x0112, SHORT, orientation),
            (0x8769, LONG, sub_ifd),
            (0x8825, LONG, gps_ifd),
        ]
        ifd1: list[Entry] = [(0x0103, SHORT, 6), (0x0201, LONG, thumb_at), (0x0202, LONG, len(thumb))]
        return [ifd0, ifd1], [thumb]

    # Sub-IFDs (EXIF, GPS) are appended as blobs after the IFD chain; lay out once to learn offsets.
    exif_ifd: list[Entry] = [(0xA431, ASCII, CAMERA_SERIAL), (0x9003, ASCII, "2024:03:01 10:00:00")]
    gps: list[Entry] = [
        (0x0001, ASCII, "N"),
        (0x0002, RATIONAL, ((42, 1), (26, 1), (0, 1))),
        (0x0003, ASCII, "E"),
        (0x0004, RATIONAL, ((129, 1), (45, 1), (0, 1))),
    ]
    chain, blobs = layout(0, 0, 0)
    _, offsets = tiff_structure(chain, [b"\0" * _ifd_size(exif_ifd), b"\0" * _ifd_size(gps), *blobs])
    sub_at, gps_at, thumb_at = offsets
    chain, blobs = layout(sub_at, gps_at, thumb_at)
    sub = _ifd(exif_ifd, sub_at, 0)
    gps_bytes = _ifd(gps, gps_at, 0)
    body, _ = tiff_structure(chain, [sub, gps_bytes, *blobs])
    return b"Exif\x00\x00" + body


def xmp_packet(text: str = PLACE_TEXT) -> bytes:
    return (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        b'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="' + text.encode() + b'"/>'
        b'</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )


def icc_profile() -> bytes:
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


# --- images ------------------------------------------------------------------------------------------


def marked(size: tuple[int, int] = (60, 40), mode: str = "RGB") -> Image.Image:
    """Grey image with a red block in its top-left corner and a blue block in its bottom-right."""
    image = Image.new("RGB", size, GREY)
    image.paste(RED, (0, 0, 8, 8))
    image.paste(BLUE, (size[0] - 8, size[1] - 8, size[0], size[1]))
    return image.convert(mode)


def save(image: Image.Image, fmt: str, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def jpeg(size: tuple[int, int] = (60, 40), colour: tuple[int, int, int] = GREY, **options: object) -> bytes:
    return save(Image.new("RGB", size, colour), "JPEG", quality=95, **options)


def png(image: Image.Image | None = None, **options: object) -> bytes:
    return save(image if image is not None else marked(), "PNG", **options)


def jpeg_full_metadata() -> tuple[bytes, Image.Image]:
    """A JPEG stored sideways (orientation 6) with EXIF (GPS, model, serial, thumbnail), XMP, ICC and a
    COM comment; also the upright image it shows."""
    upright = marked((60, 40))
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back clockwise
    data = save(
        stored,
        "JPEG",
        quality=95,
        exif=exif_block(6),
        xmp=xmp_packet(),
        icc_profile=icc_profile(),
        comment=AUTHOR_TEXT.encode(),
    )
    return data, upright


def png_full_metadata() -> bytes:
    """A PNG with tEXt, zTXt, iTXt, iCCP and eXIf chunks naming people and places."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", AUTHOR_TEXT)
    info.add_text("Location", PLACE_TEXT, zip=True)
    info.add_itxt("Comment", CAMERA_MODEL, lang="ko", tkey="Kommentar")
    return png(marked(), pnginfo=info, icc_profile=icc_profile(), exif=exif_block(1))


def png_bomb(side: int = 30_000) -> bytes:
    """A real decompression bomb: a ~100 kB 1-bit PNG that inflates to ``side`` x ``side`` pixels."""
    row = b"\0" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    chunks = [packer.compress(row * 1000) for _ in range(side // 1000)]
    idat = b"".join(chunks) + packer.compress(row * (side % 1000)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    chunks = [png_chunk(b"IHDR", header), png_chunk(b"IDAT", idat), png_chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def animated_png() -> bytes:
    frames = [Image.new("RGB", (10, 10), c) for c in (RED, BLUE)]
    return save(frames[0], "PNG", save_all=True, append_images=frames[1:])


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (10, 10), c) for c in (RED, BLUE)]
    return save(frames[0], "WEBP", save_all=True, append_images=frames[1:], lossless=True)


def tiff_pages(count: int, size: tuple[int, int] = (30, 20)) -> bytes:
    pages = [Image.new("RGB", size, (10 * i, 0, 0)) for i in range(count)]
    return save(pages[0], "TIFF", save_all=True, append_images=pages[1:])


def raw_grey_tiff(pages: list[tuple[int, int, int, int]]) -> bytes:
    """A hand-made uncompressed 8-bit grey TIFF; each page is (width, height, grey level, NewSubfileType)."""
    pixels = [bytes([level]) * (w * h) for w, h, level, _ in pages]

    def chain(offsets: list[int]) -> list[list[Entry]]:
        return [
            [
                (254, LONG, kind),
                (256, LONG, w),
                (257, LONG, h),
                (258, SHORT, 8),
                (259, SHORT, 1),
                (262, SHORT, 1),
                (273, LONG, at),
                (277, SHORT, 1),
                (278, LONG, h),
                (279, LONG, w * h),
            ]
            for (w, h, _, kind), at in zip(pages, offsets, strict=True)
        ]

    _, offsets = tiff_structure(chain([0] * len(pages)), pixels)
    data, _ = tiff_structure(chain(offsets), pixels)
    return data


def heic(image: Image.Image, exif: bytes | None = None) -> bytes:
    import pillow_heif

    heif = pillow_heif.from_pillow(image)
    out = io.BytesIO()
    heif.save(out, quality=90, exif=exif)
    return out.getvalue()


# --- hidden files ------------------------------------------------------------------------------------


def zip_archive() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("payload.txt", "not a letter")
    return out.getvalue()


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\0" * 56
HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>\n"
TEXT = "안녕하세요, just a plain text file.\n".encode()


# --- PDF ---------------------------------------------------------------------------------------------


def pdf_document(pages: int = 1, size: tuple[float, float] = (144, 216)) -> pikepdf.Pdf:
    """A PDF whose pages each carry a black square 36 pt from the bottom-left corner."""
    pdf = pikepdf.Pdf.new()
    for _ in range(pages):
        page = pdf.add_blank_page(page_size=size)
        page.Contents = pdf.make_stream(b"0 0 0 rg 36 36 36 36 re f")
    return pdf


def pdf_bytes(pdf: pikepdf.Pdf, **options: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def pdf_open_action_js() -> bytes:
    pdf = pdf_document()
    pdf.Root.OpenAction = pikepdf.Dictionary(
        Type=pikepdf.Name.Action, S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)")
    )
    return pdf_bytes(pdf)


def pdf_open_action_destination() -> bytes:
    """An /OpenAction that only says where to open: inert, accepted."""
    pdf = pdf_document()
    pdf.Root.OpenAction = pikepdf.Array([pdf.pages[0].obj, pikepdf.Name.Fit])
    return pdf_bytes(pdf)


def pdf_js_in_object_stream() -> bytes:
    """JavaScript in the document's name tree, stored inside a compressed object stream."""
    pdf = pdf_document()
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("x()")))
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(Names=pikepdf.Array(["a", action])))
    return pdf_bytes(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def pdf_page_additional_action() -> bytes:
    pdf = pdf_document()
    pdf.pages[0].obj.AA = pikepdf.Dictionary(
        O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe"))
    )
    return pdf_bytes(pdf)


def pdf_launch_link() -> bytes:
    pdf = pdf_document()
    link = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot,
        Subtype=pikepdf.Name.Link,
        Rect=[0, 0, 50, 50],
        A=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("x.exe")),
    )
    pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
    return pdf_bytes(pdf)


def pdf_embedded_file() -> bytes:
    pdf = pdf_document()
    pdf.attachments["names.txt"] = pikepdf.AttachedFileSpec(
        pdf,
        AUTHOR_TEXT.encode(),
        description="",
        filename="names.txt",
        mime_type="text/plain",
        creation_date="",
        mod_date="",
    )
    return pdf_bytes(pdf)


def pdf_attachment_annotation() -> bytes:
    pdf = pdf_document()
    spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("a.txt"))
    annot = pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.FileAttachment, Rect=[0, 0, 20, 20], FS=spec
    )
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])
    return pdf_bytes(pdf)


def pdf_xfa_form() -> bytes:
    pdf = pdf_document()
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(), XFA=pdf.make_stream(b"<xdp:xdp/>"))
    return pdf_bytes(pdf)


def pdf_rich_media() -> bytes:
    pdf = pdf_document()
    annot = pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.RichMedia, Rect=[0, 0, 9, 9])
    pdf.pages[0].obj.Annots = pikepdf.Array([pdf.make_indirect(annot)])
    return pdf_bytes(pdf)


def pdf_encrypted(user: str = "secret") -> bytes:
    return pdf_bytes(pdf_document(), encryption=pikepdf.Encryption(owner="owner-pw", user=user))


def pdf_huge_image() -> bytes:
    """A page drawing an image XObject that declares 100000 x 100000 pixels."""
    pdf = pdf_document()
    picture = pdf.make_stream(zlib.compress(b"\0" * 1000))
    picture.Type, picture.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    picture.Width = picture.Height = 100_000
    picture.ColorSpace, picture.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    picture.Filter = pikepdf.Name.FlateDecode
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=picture))
    page.Contents = pdf.make_stream(b"q 100 0 0 100 0 0 cm /Im0 Do Q")
    return pdf_bytes(pdf)
