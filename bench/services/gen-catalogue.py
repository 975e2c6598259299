#!/usr/bin/env python3
"""Generates a synthetic procedure catalogue (format tinhso-procedures/1) for bench/run.sh services-search.

The names combine, per domain of the demo catalogue, a verb, an object and a qualifier, the way the
national database names procedures ("Cấp lại giấy phép xây dựng đối với nhà ở riêng lẻ"), so that the
trigram search meets the selectivity of a real catalogue: a phrase such as "giấy phép xây dựng" or
"khai sinh" matches some hundreds of the 17,620 procedures, "đăng ký" thousands. Domains get as many
procedures as their share of the demo catalogue; every other field (methods, fees, documents, legal
basis) is copied from a demo procedure of the same domain, agencies and levels follow the demo
catalogue's mix for that domain. Deterministic (fixed seed).

usage: gen-catalogue.py DEMO_JSON OUT_PREFIX TOTAL [CHUNK]
  writes OUT_PREFIX-1.json, OUT_PREFIX-2.json, ... with TOTAL minus the demo procedures in all, CHUNK
  (default 4000) per file; codes 1.0NNNNN.000.00.00.H56 from 1.020000 up, none taken by the demo file.
"""
import json
import random
import sys

COMMON_QUALIFIERS = [
    "", "đối với tổ chức", "đối với cá nhân", "trường hợp bị mất, hỏng", "có yếu tố nước ngoài",
    "cho người nước ngoài", "thực hiện tại cấp xã", "thực hiện tại cấp tỉnh", "theo hình thức trực tuyến",
    "trong khu kinh tế, khu công nghiệp", "đối với trường hợp đặc biệt", "(liên thông)", "khi có thay đổi thông tin",
    "do sai sót của cơ quan cấp", "cho đơn vị sự nghiệp công lập", "đối với hộ gia đình", "theo đề nghị của doanh nghiệp",
]

# domain -> (verbs, objects, domain qualifiers)
VOCAB = {
    "ho-tich": (
        ["Đăng ký", "Đăng ký lại", "Cấp bản sao trích lục", "Ghi vào Sổ hộ tịch việc", "Thay đổi, cải chính nội dung",
         "Xác nhận", "Liên thông thủ tục", "Cấp trích lục"],
        ["khai sinh", "kết hôn", "khai tử", "nhận cha, mẹ, con", "giám hộ", "chấm dứt giám hộ", "nuôi con nuôi",
         "thay đổi hộ tịch", "xác định lại dân tộc", "tình trạng hôn nhân", "ly hôn, hủy việc kết hôn ở nước ngoài"],
        ["cho trẻ em dưới 6 tuổi", "kết hợp nhận cha, mẹ, con", "cho người đã có hồ sơ, giấy tờ cá nhân",
         "tại khu vực biên giới", "cho công dân Việt Nam cư trú ở nước ngoài", "lưu động"]),
    "chung-thuc": (
        ["Chứng thực", "Cấp bản sao", "Chứng thực việc sửa đổi, bổ sung", "Chứng thực việc hủy bỏ",
         "Cấp bản sao điện tử được chứng thực từ bản chính"],
        ["bản sao từ bản chính giấy tờ, văn bản", "chữ ký trong các giấy tờ, văn bản", "chữ ký người dịch",
         "hợp đồng, giao dịch liên quan đến tài sản là động sản", "di chúc", "văn bản từ chối nhận di sản",
         "văn bản thỏa thuận phân chia di sản", "hợp đồng, giao dịch liên quan đến quyền sử dụng đất và nhà ở",
         "giấy ủy quyền", "hợp đồng mua bán nhà ở", "văn bản khai nhận di sản", "hợp đồng thế chấp tài sản"],
        ["do cơ quan có thẩm quyền của nước ngoài cấp", "mà người yêu cầu chứng thực không ký được",
         "không thể điểm chỉ được", "tại nhà riêng của người yêu cầu"]),
    "ly-lich-tu-phap": (
        ["Cấp", "Cấp lại", "Đính chính", "Tiếp nhận yêu cầu cấp", "Cập nhật thông tin"],
        ["Phiếu lý lịch tư pháp số 1", "Phiếu lý lịch tư pháp số 2", "Phiếu lý lịch tư pháp",
         "thông tin lý lịch tư pháp về án tích"],
        ["cho công dân Việt Nam", "cho người nước ngoài đang cư trú tại Việt Nam", "cho cơ quan tiến hành tố tụng",
         "qua ứng dụng VNeID"]),
    "hoat-dong-xay-dung": (
        ["Cấp", "Cấp lại", "Cấp điều chỉnh", "Gia hạn", "Điều chỉnh", "Thu hồi", "Thẩm định", "Cấp mới",
         "Cấp chuyển đổi", "Công nhận", "Chấp thuận", "Cấp sửa đổi, bổ sung"],
        ["giấy phép xây dựng", "giấy phép xây dựng có thời hạn", "giấy phép di dời công trình",
         "chứng chỉ hành nghề hoạt động xây dựng", "chứng chỉ năng lực hoạt động xây dựng",
         "báo cáo nghiên cứu khả thi đầu tư xây dựng", "thiết kế xây dựng triển khai sau thiết kế cơ sở",
         "giấy phép hoạt động xây dựng cho nhà thầu nước ngoài", "quy hoạch chi tiết xây dựng",
         "kết quả nghiệm thu hoàn thành công trình", "điều kiện kinh doanh dịch vụ đánh giá an toàn công trình",
         "giấy chứng nhận đủ điều kiện cung cấp dịch vụ thí nghiệm chuyên ngành xây dựng",
         "báo cáo kinh tế - kỹ thuật đầu tư xây dựng", "dự toán xây dựng"],
        ["đối với công trình cấp I, cấp II", "đối với công trình cấp III", "đối với nhà ở riêng lẻ",
         "đối với công trình tín ngưỡng, tôn giáo", "đối với công trình theo tuyến", "sửa chữa, cải tạo",
         "đối với công trình quảng cáo", "hạng II, hạng III", "đối với dự án nhóm B, nhóm C",
         "trong khu bảo tồn, di tích lịch sử - văn hóa"]),
    "dat-dai": (
        ["Đăng ký", "Cấp", "Cấp đổi", "Cấp lại", "Đính chính", "Thu hồi", "Gia hạn", "Xóa đăng ký", "Xác nhận",
         "Giao đất, cho thuê đất", "Chuyển mục đích sử dụng"],
        ["biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
         "Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất", "thế chấp quyền sử dụng đất",
         "đất đai lần đầu", "quyền sử dụng hạn chế thửa đất liền kề", "thời hạn sử dụng đất",
         "tách thửa hoặc hợp thửa đất", "hòa giải tranh chấp đất đai", "đất nông nghiệp"],
        ["đối với hộ gia đình, cá nhân", "đối với tổ chức trong nước", "cho người Việt Nam định cư ở nước ngoài",
         "khi hết hạn sử dụng đất", "do đo đạc lại", "trường hợp chuyển nhượng, tặng cho, thừa kế"]),
    "ho-kinh-doanh": (
        ["Đăng ký thành lập", "Đăng ký thay đổi nội dung đăng ký", "Tạm ngừng", "Chấm dứt hoạt động",
         "Cấp lại Giấy chứng nhận đăng ký", "Thông báo", "Chuyển đổi"],
        ["hộ kinh doanh", "địa điểm kinh doanh của hộ kinh doanh", "ngành, nghề kinh doanh của hộ kinh doanh",
         "hộ kinh doanh thành doanh nghiệp",
         "tên hộ kinh doanh", "thành viên hộ gia đình đăng ký hộ kinh doanh", "vốn kinh doanh của hộ kinh doanh"],
        ["trước thời hạn đã thông báo", "khi thay đổi chủ hộ", "khi chuyển địa chỉ sang xã khác"]),
    "doanh-nghiep": (
        ["Đăng ký thành lập", "Đăng ký thay đổi", "Thông báo thay đổi", "Đăng ký hoạt động", "Giải thể",
         "Tạm ngừng kinh doanh", "Cấp lại Giấy chứng nhận đăng ký", "Hiệu đính thông tin đăng ký", "Chuyển đổi",
         "Đăng ký chấm dứt hoạt động"],
        ["doanh nghiệp tư nhân", "công ty trách nhiệm hữu hạn một thành viên", "công ty trách nhiệm hữu hạn hai thành viên trở lên",
         "công ty cổ phần", "công ty hợp danh", "chi nhánh, văn phòng đại diện", "địa điểm kinh doanh",
         "vốn điều lệ", "người đại diện theo pháp luật", "ngành, nghề kinh doanh", "tên doanh nghiệp"],
        ["do tách doanh nghiệp", "do hợp nhất doanh nghiệp", "từ hộ kinh doanh", "của doanh nghiệp xã hội"]),
    "bao-tro-xa-hoi": (
        ["Trợ giúp", "Thực hiện, điều chỉnh, thôi hưởng", "Tiếp nhận", "Hỗ trợ", "Xác định, xác định lại",
         "Cấp", "Đăng ký thành lập", "Chi trả"],
        ["trợ cấp xã hội hằng tháng", "kinh phí hỗ trợ chăm sóc", "đối tượng cần bảo vệ khẩn cấp",
         "mức độ khuyết tật", "thẻ bảo hiểm y tế", "cơ sở trợ giúp xã hội", "chi phí mai táng",
         "trợ giúp xã hội khẩn cấp"],
        ["cho người cao tuổi", "cho người khuyết tật", "cho trẻ em mồ côi", "đối với hộ nghèo, hộ cận nghèo",
         "khi thay đổi nơi cư trú", "vào cơ sở trợ giúp xã hội"]),
    "nguoi-co-cong": (
        ["Giải quyết chế độ", "Công nhận", "Cấp", "Điều chỉnh", "Di chuyển hồ sơ", "Hỗ trợ", "Thăm viếng"],
        ["ưu đãi người có công", "liệt sĩ", "thương binh", "Bà mẹ Việt Nam anh hùng", "bảo hiểm y tế người có công",
         "thân nhân liệt sĩ", "mộ liệt sĩ", "người hoạt động kháng chiến bị nhiễm chất độc hóa học"],
        ["khi người có công chết", "sang tỉnh khác", "hằng tháng", "một lần"]),
    "giao-duc-dao-tao": (
        ["Cấp", "Cấp lại", "Công nhận", "Cho phép thành lập", "Sáp nhập, chia, tách", "Giải thể",
         "Chuyển trường", "Xét tuyển", "Phê duyệt", "Cho phép hoạt động"],
        ["văn bằng, chứng chỉ", "bản sao văn bằng, chứng chỉ từ sổ gốc", "trường trung học phổ thông",
         "trường mầm non", "trường tiểu học", "trung tâm ngoại ngữ, tin học", "học sinh trung học cơ sở",
         "tư thục", "đạt chuẩn quốc gia", "giáo dục nghề nghiệp"],
        ["có vốn đầu tư nước ngoài", "dân lập", "cho học sinh khuyết tật", "học tiếng dân tộc thiểu số"]),
    "kham-chua-benh": (
        ["Cấp", "Cấp lại", "Điều chỉnh", "Gia hạn", "Công bố", "Cho phép", "Đình chỉ"],
        ["giấy phép hành nghề khám bệnh, chữa bệnh", "giấy phép hoạt động cơ sở khám bệnh, chữa bệnh",
         "đủ điều kiện thực hiện khám sức khỏe", "phòng khám đa khoa", "phòng khám chuyên khoa",
         "cơ sở dịch vụ thẩm mỹ", "chứng chỉ hành nghề dược", "đủ điều kiện kinh doanh dược"],
        ["đối với bác sỹ", "đối với y sỹ", "đối với điều dưỡng", "theo hình thức bệnh viện", "y học cổ truyền"]),
    "van-hoa": (
        ["Cấp", "Cấp lại", "Công nhận", "Thông báo tổ chức", "Xét tặng", "Cho phép", "Đăng ký"],
        ["giấy phép kinh doanh dịch vụ karaoke", "giấy phép tổ chức lễ hội", "danh hiệu Gia đình văn hóa",
         "danh hiệu Thôn, tổ dân phố văn hóa", "biểu diễn nghệ thuật", "triển lãm mỹ thuật", "di vật, cổ vật",
         "hoạt động thư viện"],
        ["có yếu tố nước ngoài", "tại địa phương", "ngoài công lập"]),
    "du-lich": (
        ["Cấp", "Cấp lại", "Cấp đổi", "Thu hồi", "Công nhận", "Thẩm định lại"],
        ["thẻ hướng dẫn viên du lịch", "giấy phép kinh doanh dịch vụ lữ hành nội địa", "hạng cơ sở lưu trú du lịch",
         "điểm du lịch", "khu du lịch cấp tỉnh", "cơ sở kinh doanh dịch vụ du lịch đạt chuẩn"],
        ["nội địa", "quốc tế", "tại điểm", "hạng 1 sao, 2 sao"]),
    "luu-thong-hang-hoa": (
        ["Cấp", "Cấp lại", "Cấp sửa đổi, bổ sung", "Đăng ký", "Thông báo", "Xác nhận"],
        ["giấy phép bán lẻ sản phẩm thuốc lá", "giấy phép bán lẻ rượu", "giấy phép sản xuất rượu thủ công",
         "giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu", "giấy phép kinh doanh khí",
         "hoạt động bán hàng đa cấp", "tổ chức hội chợ, triển lãm thương mại", "chương trình khuyến mại",
         "giấy phép lập cơ sở bán lẻ"],
        ["nhằm mục đích kinh doanh", "tại địa bàn tỉnh", "cho thương nhân nước ngoài"]),
    "moi-truong": (
        ["Cấp", "Cấp đổi", "Điều chỉnh", "Thẩm định", "Đăng ký", "Xác nhận", "Phê duyệt"],
        ["giấy phép môi trường", "báo cáo đánh giá tác động môi trường", "kế hoạch bảo vệ môi trường",
         "phương án cải tạo, phục hồi môi trường", "môi trường", "giấy phép xử lý chất thải nguy hại",
         "hoàn thành công trình bảo vệ môi trường"],
        ["đối với dự án đầu tư", "đối với cơ sở đang hoạt động", "trong hoạt động khai thác khoáng sản"]),
    "thuy-san": (
        ["Cấp", "Cấp lại", "Công bố", "Xác nhận", "Đăng ký", "Cấp văn bản chấp thuận"],
        ["giấy phép khai thác thủy sản", "giấy chứng nhận đăng ký tàu cá", "cảng cá", "nguồn gốc thủy sản",
         "nuôi trồng thủy sản lồng bè", "đóng mới, cải hoán tàu cá"],
        ["có chiều dài từ 6 mét đến dưới 12 mét", "khai thác", "ven biển"]),
    "trong-trot": (
        ["Cấp", "Cấp lại", "Công nhận", "Cấp giấy chứng nhận"],
        ["đủ điều kiện buôn bán phân bón", "cây đầu dòng, vườn cây đầu dòng", "chuyển đổi cơ cấu cây trồng",
         "mã số vùng trồng", "đủ điều kiện buôn bán thuốc bảo vệ thực vật"],
        ["trên đất trồng lúa", "cây công nghiệp, cây ăn quả lâu năm"]),
    "an-toan-buc-xa": (
        ["Cấp", "Gia hạn", "Sửa đổi, bổ sung", "Cấp lại"],
        ["giấy phép tiến hành công việc bức xạ", "chứng chỉ nhân viên bức xạ", "thiết bị X-quang chẩn đoán",
         "phụ trách an toàn bức xạ"],
        ["trong y tế", "sử dụng thiết bị X-quang chẩn đoán trong y tế"]),
    "ton-giao-tin-nguong": (
        ["Đăng ký", "Thông báo", "Đề nghị", "Chấp thuận", "Đăng ký thay đổi", "Cấp"],
        ["sinh hoạt tôn giáo tập trung", "hoạt động tín ngưỡng", "tổ chức lễ hội tín ngưỡng", "người đại diện",
         "thuyên chuyển chức sắc, chức việc", "sửa chữa, cải tạo, nâng cấp công trình tín ngưỡng",
         "mở lớp bồi dưỡng về tôn giáo", "tổ chức cuộc lễ ngoài cơ sở tôn giáo"],
        ["hằng năm", "diễn ra ở nhiều xã", "của tổ chức tôn giáo trực thuộc"]),
    "thi-dua-khen-thuong": (
        ["Tặng", "Xét tặng", "Khen thưởng", "Đề nghị tặng", "Công nhận"],
        ["danh hiệu Lao động tiên tiến", "danh hiệu Chiến sĩ thi đua cơ sở", "Giấy khen của Chủ tịch Ủy ban nhân dân",
         "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "danh hiệu Tập thể lao động xuất sắc", "Cờ thi đua"],
        ["theo công trạng và thành tích đạt được", "theo đợt, chuyên đề", "đột xuất", "cho gia đình",
         "về thành tích đối ngoại"]),
    "duong-bo": (
        ["Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Chấp thuận", "Đổi", "Thu hồi"],
        ["giấy phép lái xe", "giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn", "phù hiệu xe ô tô",
         "giấy phép kinh doanh vận tải bằng xe ô tô", "giấy phép thi công công trình đường bộ",
         "thiết kế kỹ thuật và phương án tổ chức giao thông", "đăng ký xe máy chuyên dùng",
         "giấy phép xe tập lái", "giấy chứng nhận giáo viên dạy thực hành lái xe"],
        ["trên đường bộ đang khai thác", "do ngành Giao thông vận tải cấp", "quốc tế",
         "xe vận chuyển hàng siêu trường, siêu trọng", "hạng A1, A, B"]),
}


def main():
    demo_path, prefix, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
    chunk = int(sys.argv[4]) if len(sys.argv) > 4 else 4000
    demo = json.load(open(demo_path, encoding="utf-8"))
    rnd = random.Random(20261125)
    procs = demo["procedures"]
    taken = {p["code"] for p in procs}
    by_domain = {}
    for p in procs:
        by_domain.setdefault(p["domain"], []).append(p)
    missing = sorted(set(by_domain) - set(VOCAB))
    if missing:
        sys.exit("no vocabulary for domains: %s" % missing)
    wanted = total - len(procs)
    domains = sorted(by_domain)
    counts = {d: wanted * len(by_domain[d]) // len(procs) for d in domains}
    for d in sorted(domains, key=lambda d: -len(by_domain[d]))[: wanted - sum(counts.values())]:
        counts[d] += 1
    out = []
    number = 20000
    for d in domains:
        verbs, objects, quals = VOCAB[d]
        qualifiers = COMMON_QUALIFIERS + quals
        combos = [(v, o, q) for v in verbs for o in objects for q in qualifiers]
        rnd.shuffle(combos)
        if len(combos) < counts[d]:
            sys.exit("domain %s: %d combinations for %d procedures" % (d, len(combos), counts[d]))
        for v, o, q in combos[: counts[d]]:
            template = rnd.choice(by_domain[d])
            placement = rnd.choice(by_domain[d])  # agency and levels as the demo mix of the domain
            while True:
                code = "1.0%05d.000.00.00.H56" % number
                number += 1
                if code not in taken:
                    break
            name = " ".join(x for x in (v, o, q) if x)
            name = name[0].upper() + name[1:]
            out.append({
                "code": code, "name": name, "domain": d, "levels": placement["levels"],
                "agency": placement["agency"], "onlineLevel": template["onlineLevel"],
                "applicants": template.get("applicants"), "methods": template["methods"], "fees": template["fees"],
                "documents": template["documents"], "result": template.get("result"),
                "legalBasis": template.get("legalBasis", []), "conditions": template.get("conditions"),
                "form": None,
            })
    rnd.shuffle(out)
    files = 0
    for i in range(0, len(out), chunk):
        files += 1
        with open("%s-%d.json" % (prefix, files), "w", encoding="utf-8") as f:
            json.dump({"format": "tinhso-procedures/1", "demo": False, "domains": [],
                       "procedures": out[i:i + chunk]}, f, ensure_ascii=False)
    print("%d procedures in %d files (%s-1.json ...)" % (len(out), files, prefix))


if __name__ == "__main__":
    main()
