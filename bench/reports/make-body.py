"""bench/run.sh reports-submit: the multipart body of one field report with one photo.

Usage: make-body.py OUT BOUNDARY PHOTO CATEGORY LAT LON
"""
import sys

out, boundary, photo, category, lat, lon = sys.argv[1:7]
fields = {
    "category": category,
    "description": "Ổ gà lớn giữa đường, nước đọng sau mưa, xe máy dễ ngã (thử tải).",
    "lat": lat,
    "lon": lon,
    "address": "Đường Lê Lợi",
}
parts = []
for name, value in fields.items():
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n".encode())
with open(photo, "rb") as f:
    data = f.read()
parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"anh-hien-truong.jpg\"\r\n"
             f"Content-Type: image/jpeg\r\n\r\n".encode() + data + b"\r\n")
parts.append(f"--{boundary}--\r\n".encode())
with open(out, "wb") as f:
    f.write(b"".join(parts))
