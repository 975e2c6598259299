#!/usr/bin/env python3
"""Writes the multipart/form-data body of one dossier submission for bench/run.sh services-submit.

usage: make-body.py OUT PROCEDURE_CODE BOUNDARY DOC_KB [DOCS]
  part 'dossier' (JSON: applicant, empty e-form, online delivery) and DOCS (default 2) files of DOC_KB
  KB each in parts 'document.0', 'document.1': a PDF and a JPEG with their real magic bytes and
  structure around incompressible random content (as a scan is), so that the server's content
  sniffing (Apache Tika) sees application/pdf and image/jpeg. DOCS=0 gives a dossier without files.
"""
import json
import os
import sys


def pdf(size):
    head = ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n3 0 obj\n<< /Length {n} >>\nstream\n")
    tail = b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    n = size - len(head.format(n=0).encode("latin-1")) - len(tail) - 6
    return head.format(n=n).encode("latin-1") + os.urandom(n) + tail


def jpeg(size):
    head = bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    return head + os.urandom(size - len(head) - 2) + bytes([0xFF, 0xD9])


def main():
    out_path, procedure, boundary, kb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    docs = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    dossier = {"procedure": procedure,
               "applicant": {"name": "Nguyễn Thị Hồng Nhung", "idNumber": "038190012345", "phone": "0912345678",
                             "email": "nhung@example.vn", "address": "Phường Hạc Thành, tỉnh Thanh Hóa"},
               "form": {}, "delivery": "ONLINE"}
    out = bytearray()
    out += ('--%s\r\nContent-Disposition: form-data; name="dossier"\r\nContent-Type: application/json\r\n\r\n'
            % boundary).encode() + json.dumps(dossier, ensure_ascii=False).encode() + b"\r\n"
    files = [("to-khai.pdf", "application/pdf", pdf), ("can-cuoc.jpg", "image/jpeg", jpeg)]
    for slot in range(docs):
        name, mime, make = files[slot % 2]
        out += ('--%s\r\nContent-Disposition: form-data; name="document.%d"; filename="%s"\r\n'
                'Content-Type: %s\r\n\r\n' % (boundary, slot, name, mime)).encode() + make(kb * 1024) + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    with open(out_path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main()
